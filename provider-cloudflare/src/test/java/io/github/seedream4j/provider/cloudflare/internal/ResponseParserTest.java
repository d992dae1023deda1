package io.github.seedream4j.provider.cloudflare.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.provider.cloudflare.internal.RunOutcome.ApiError;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResponseParserTest {

    private static RunOutcome parse(String json) {
        return ResponseParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({
        "vector-a-response.json, 021776387438887c5f50319cb4d4388d7836967b82aebe5227f8d_0.jpeg",
        "vector-a-response-old-order.json, 021776387438887c5f50319cb4d4388d7836967b82aebe5227f8d_0.jpeg",
        "vector-b-response.json, 021776387448153c5f50319cb4d4388d7836967b82aebe5807cbc_0.jpeg",
        "vector-c-response.json, 021776387469085c5f50319cb4d4388d7836967b82aebe5dcf17e_0.jpeg",
        "vector-d-response.json, 021776387475078c5f50319cb4d4388d7836967b82aebe5e6ec81_0.jpeg",
        "vector-e-response.json, 021776441662380e1f2c28e220bf76d8a56e2a46eaa08e982d37f_0.jpeg"})
    void parse_documentedSeedream40Responses_readOneImageUrl(String vector, String file) {
        RunOutcome outcome = ResponseParser.parse(Vectors.bytes(vector));

        assertThat(outcome).isEqualTo(new RunOutcome.Completed(List.of(URI.create(
                "https://ark-content-generation-v2-ap-southeast-1.tos-ap-southeast-1.volces.com/seedream-4-0/" + file)),
                "Unified"));
    }

    @Test
    void parse_seedream45ArrayShape_readsImages() {
        RunOutcome outcome = ResponseParser.parse(Vectors.bytes("seedream-4.5-response.json"));

        assertThat(outcome).isEqualTo(new RunOutcome.Completed(List.of(URI.create(
                "https://ark-content-generation-v2-ap-southeast-1.tos-ap-southeast-1.volces.com/seedream-4-5/"
                        + "0217764052291261386b9a8ed856c57501cfa946ce34c98481db1_0.jpeg")), "Unified"));
    }

    @Test
    void parse_v4EnvelopeWrappingState_unwrapsIt() {
        String inner = Vectors.text("vector-b-response.json").strip();

        RunOutcome outcome = parse("{\"result\":" + inner + ",\"success\":true,\"errors\":[],\"messages\":[]}");

        assertThat(outcome).isInstanceOfSatisfying(RunOutcome.Completed.class, c -> {
            assertThat(c.images()).hasSize(1);
            assertThat(c.images().get(0).getPath()).endsWith("5807cbc_0.jpeg");
            assertThat(c.keySource()).isEqualTo("Unified");
        });
    }

    @Test
    void parse_v4EnvelopeWithImageResult_readsIt() {
        RunOutcome outcome = parse("{\"result\":{\"image\":\"https://example.com/a.jpeg\"},\"success\":true,"
                + "\"errors\":[],\"messages\":[]}");

        assertThat(outcome).isEqualTo(new RunOutcome.Completed(List.of(URI.create("https://example.com/a.jpeg")), null));
    }

    @Test
    void parse_v4EnvelopeWrappingFailedState_isFailed() {
        RunOutcome outcome = parse("{\"result\":" + Vectors.text("error-run-api-failed.json").strip()
                + ",\"success\":true,\"errors\":[],\"messages\":[]}");

        assertThat(outcome).isEqualTo(new RunOutcome.Failed(List.of(new ApiError("provider_unavailable",
                "All providers for this model are currently unavailable."))));
    }

    @Test
    void parse_error7001_isFailedWithNumericCode() {
        RunOutcome outcome = ResponseParser.parse(Vectors.bytes("error-7001.json"));

        assertThat(outcome).isEqualTo(new RunOutcome.Failed(List.of(new ApiError("7001",
                "GET not supported for requested URI."))));
        assertThat(((RunOutcome.Failed) outcome).errors().get(0).toDetail()).isEqualTo(new io.github.seedream4j.http
                .ErrorDetail("7001", "GET not supported for requested URI."));
    }

    @Test
    void parse_error7003_isFailed() {
        RunOutcome outcome = ResponseParser.parse(Vectors.bytes("error-7003.json"));

        assertThat(outcome).isEqualTo(new RunOutcome.Failed(List.of(new ApiError("7003", "Could not route to "
                + "/client/v4/accounts/$%7BCLOUDFLARE_ACCOUNT_ID%7D/ai/v1/chat/completions, perhaps your object "
                + "identifier is invalid?"))));
    }

    @Test
    void parse_error7003And7000_keepsBothInOrder() {
        RunOutcome outcome = ResponseParser.parse(Vectors.bytes("error-7003-7000.json"));

        assertThat(outcome).isEqualTo(new RunOutcome.Failed(List.of(
                new ApiError("7003", "Could not route to /accounts/xxx/ai/v1, perhaps your object identifier is invalid?"),
                new ApiError("7000", "No route for that URI"))));
    }

    @Test
    void parse_runApiFailedState_isFailedWithStringCode() {
        RunOutcome outcome = ResponseParser.parse(Vectors.bytes("error-run-api-failed.json"));

        assertThat(outcome).isEqualTo(new RunOutcome.Failed(List.of(new ApiError("provider_unavailable",
                "All providers for this model are currently unavailable."))));
    }

    @Test
    void parse_successFalseWithoutErrors_isFailed() {
        assertThat(parse("{\"success\":false,\"errors\":[],\"result\":null}")).isEqualTo(new RunOutcome.Failed(
                List.of(new ApiError(null, "success is false and no error was given"))));
    }

    @Test
    void parse_errorsWithSuccessTrue_isFailed() {
        assertThat(parse("{\"success\":true,\"errors\":[{\"code\":3040,\"message\":\"Capacity temporarily exceeded\"}],"
                + "\"result\":{\"image\":\"https://example.com/a.jpeg\"}}"))
                .isEqualTo(new RunOutcome.Failed(List.of(new ApiError("3040", "Capacity temporarily exceeded"))));
    }

    @Test
    void parse_nativeTextResult_isNoImageForAnImageModel() {
        assertThat(ResponseParser.parse(Vectors.bytes("native-success.json")))
                .isEqualTo(new RunOutcome.NoImage("'result' holds neither 'image' nor 'images'"));
    }

    @Test
    void parse_completedWithoutImage_isNoImage() {
        assertThat(parse("{\"gatewayMetadata\":{\"keySource\":\"Unified\"},\"result\":{},\"state\":\"Completed\"}"))
                .isEqualTo(new RunOutcome.NoImage("'result' holds neither 'image' nor 'images'"));
        assertThat(parse("{\"state\":\"Completed\"}"))
                .isEqualTo(new RunOutcome.NoImage("the body has no 'result' object"));
    }

    @Test
    void parse_html_isUnreadable() {
        assertThat(parse("<html><body><h1>502 Bad Gateway</h1></body></html>"))
                .isEqualTo(new RunOutcome.Unreadable("the body is not JSON"));
    }

    @Test
    void parse_emptyAndBlank_areUnreadable() {
        assertThat(ResponseParser.parse(new byte[0])).isEqualTo(new RunOutcome.Unreadable("the body is empty"));
        assertThat(parse("  \n")).isEqualTo(new RunOutcome.Unreadable("the body is empty"));
    }

    @Test
    void parse_jsonArray_isUnreadable() {
        assertThat(parse("[1,2]")).isEqualTo(new RunOutcome.Unreadable("the body is JSON but not an object"));
    }

    @Test
    void parse_stateRunning_isUnreadable() {
        assertThat(parse("{\"state\":\"Running\"}"))
                .isEqualTo(new RunOutcome.Unreadable("the run is in state 'Running', not Completed"));
    }

    @Test
    void parse_imageThatIsNotAnHttpUrl_isUnreadable() {
        assertThat(parse("{\"state\":\"Completed\",\"result\":{\"image\":\"file:///etc/passwd\"}}"))
                .isEqualTo(new RunOutcome.Unreadable("'result.image' is not an http(s) URL"));
        assertThat(parse("{\"state\":\"Completed\",\"result\":{\"images\":[42]}}"))
                .isEqualTo(new RunOutcome.Unreadable("'result.images' holds an entry that is not an http(s) URL"));
    }

    @Test
    void parse_plainErrorShapes_areFailed() {
        assertThat(parse("{\"error\":\"bad things\"}"))
                .isEqualTo(new RunOutcome.Failed(List.of(new ApiError(null, "bad things"))));
        assertThat(parse("{\"error\":{\"message\":\"worse\"}}"))
                .isEqualTo(new RunOutcome.Failed(List.of(new ApiError(null, "worse"))));
    }

    @Test
    void parse_noKnownKeys_isUnreadable() {
        assertThat(parse("{\"hello\":1}"))
                .isEqualTo(new RunOutcome.Unreadable("the body has neither 'state' nor 'result'"));
    }
}
