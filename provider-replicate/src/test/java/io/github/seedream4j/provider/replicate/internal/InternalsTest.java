package io.github.seedream4j.provider.replicate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.http.ErrorDetail;
import io.github.seedream4j.http.ErrorReport;
import io.github.seedream4j.http.HttpReply;
import io.github.seedream4j.http.Idempotency;
import io.github.seedream4j.http.Json;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pieces the provider is made of, each against the verbatim payloads where the notes have one. */
class InternalsTest {

    static String vector(String name) {
        try (InputStream in = InternalsTest.class.getResourceAsStream("/replicate/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReplicateConfig config(String base) {
        return ReplicateConfig.from(ProviderSettings.of("replicate", Map.of("api-token", "r8_x", "base-url", base),
                k -> null, k -> null));
    }

    @Test
    void prediction_readsTheRecordedCreateAnswer() {
        Prediction p = Json.mapper().readValue(vector("create-processing.json"), Prediction.class);

        assertThat(p.id()).isEqualTo("kr2d2jhqbsrj60cjb2vtmekgh4");
        assertThat(p.state()).isEqualTo("processing");
        assertThat(p.isTerminal()).isFalse();
        assertThat(p.url("get")).contains("https://api.replicate.com/v1/predictions/kr2d2jhqbsrj60cjb2vtmekgh4");
        assertThat(p.url("cancel")).contains(
                "https://api.replicate.com/v1/predictions/kr2d2jhqbsrj60cjb2vtmekgh4/cancel");
        assertThat(p.errorText()).isEmpty();
        assertThat(p.dataRemoved()).isFalse();
        // a text model's tokens: blank ones are no URL and are skipped; the others are stripped
        assertThat(p.outputUrls()).hasSize(14).startsWith("Here is", "a ha").contains("lama's");
    }

    @Test
    void prediction_statusesTimesAndOutputShapes() {
        for (String s : List.of("starting", "processing")) {
            assertThat(new Prediction("a", s, null, null, null, null, null, null, null, null).isTerminal()).isFalse();
        }
        for (String s : List.of("succeeded", "failed", "canceled", "aborted", " Succeeded ")) {
            assertThat(new Prediction("a", s, null, null, null, null, null, null, null, null).isTerminal()).isTrue();
        }
        // nine digits of fraction are read; eight, as in a recorded answer, too
        Prediction p = new Prediction("a", "succeeded", Json.mapper().readTree("\"https://x.test/a.png\""),
                Json.mapper().readTree("{\"message\":\"boom\"}"), null, "2023-11-27T13:35:45.99397566Z",
                "2023-11-27T13:35:47.99397566Z", "2023-11-27T13:35:50.49397566Z", null, null);
        assertThat(p.queue()).contains(Duration.ofSeconds(2));
        assertThat(p.execution()).contains(Duration.ofMillis(2500));
        assertThat(p.outputUrls()).containsExactly("https://x.test/a.png");
        assertThat(p.errorText()).contains("boom");
        Prediction odd = new Prediction("a", "succeeded", Json.mapper().readTree("{\"image\":1}"), null, null,
                "yesterday", "2023-11-27T13:35:47Z", null, null, Json.mapper().readTree("{\"predict_time\":-1}"));
        assertThat(odd.outputUrls()).isEmpty();
        assertThat(odd.queue()).isEmpty();
        assertThat(odd.execution()).isEmpty();
    }

    @Test
    void errors_problemDetailsAndTheWaitOfA429() {
        ReplicateErrors errors = new ReplicateErrors(Secret.of("r8_x"));

        ErrorReport r401 = errors.report(reply(401, vector("error-401.json"), Map.of()), null);
        assertThat(r401.details()).containsExactly(ErrorDetail.of("Unauthenticated: You did not pass a valid "
                + "authentication token"));
        ErrorReport r404 = errors.report(reply(404, vector("error-404.json"), Map.of()), "p1");
        assertThat(r404.details()).containsExactly(ErrorDetail.of("The specified training destination does not "
                + "exist"));
        assertThat(r404.jobId()).isEqualTo("p1");

        ErrorReport r429 = errors.report(reply(429, vector("error-429.json"), Map.of()), null);
        assertThat(r429.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        ErrorReport header = errors.report(reply(429, vector("error-429.json"), Map.of("Retry-After",
                List.of("7"))), null);
        assertThat(header.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        ErrorReport field = errors.report(reply(429, "{\"detail\":\"Request was throttled.\",\"retry_after\":2.5}",
                Map.of()), null);
        assertThat(field.retryAfter()).isEqualTo(Duration.ofMillis(2500));
        ErrorReport huge = errors.report(reply(429, "{\"detail\":\"slow down\",\"retry_after\":1e9}", Map.of()),
                null);
        assertThat(huge.retryAfter()).isEqualTo(Duration.ofHours(1));
        ErrorReport none = errors.report(reply(429, "{\"detail\":\"slow down\"}", Map.of()), null);
        assertThat(none.retryAfter()).isNull();
        ErrorReport titleOnly = errors.report(reply(500, "{\"title\":\"Internal Server Error\"}", Map.of()), null);
        assertThat(titleOnly.details()).containsExactly(ErrorDetail.of("Internal Server Error"));
        ErrorReport text = errors.report(reply(502, "Bad Gateway", Map.of()), null);
        assertThat(text.details()).containsExactly(ErrorDetail.of("Bad Gateway"));
    }

    @Test
    void config_onlyUrlsOnTheApiAreSentTheToken() {
        ReplicateConfig c = config("https://api.replicate.com/v1");

        assertThat(c.isOnApi(URI.create("https://api.replicate.com/v1/predictions/abc"))).isTrue();
        assertThat(c.isOnApi(URI.create("https://API.replicate.com:443/v1/predictions/abc/cancel"))).isTrue();
        assertThat(c.isOnApi(URI.create("http://api.replicate.com/v1/predictions/abc"))).isFalse();
        assertThat(c.isOnApi(URI.create("https://api.replicate.com.evil.test/v1/predictions/abc"))).isFalse();
        assertThat(c.isOnApi(URI.create("https://api.replicate.com:8443/v1/predictions/abc"))).isFalse();
        assertThat(c.isOnApi(URI.create("https://user@api.replicate.com/v1/predictions/abc"))).isFalse();
        assertThat(c.isOnApi(URI.create("https://api.replicate.com/v2/predictions/abc"))).isFalse();
        assertThat(c.isOnApi(URI.create("https://api.replicate.com/v1x/predictions/abc"))).isFalse();
        assertThat(c.isOnApi(URI.create("https://api.replicate.com/v1/../account"))).isFalse();
        assertThat(c.isOnApi(URI.create("https://api.replicate.com/v1/predictions/abc?x=1"))).isFalse();
        assertThat(c.isOnApi(URI.create("/v1/predictions/abc"))).isFalse();
        assertThat(c.createUrl("bytedance/seedream-4.5")).isEqualTo(URI.create(
                "https://api.replicate.com/v1/models/bytedance/seedream-4.5/predictions"));
        assertThat(c.toString()).doesNotContain("r8_x").contains("token=****");
    }

    @Test
    void createPrediction_inlineImagesAreCountedAndCapped() {
        assertThat(CreatePrediction.inlineBytes("https://x.test/a.png")).isZero();
        assertThat(CreatePrediction.inlineBytes("data:image/png;base64,AAAA")).isEqualTo(3);
        assertThat(CreatePrediction.inlineBytes("data:image/png;base64,AAA=")).isEqualTo(2);
        assertThat(CreatePrediction.inlineBytes("data:image/png;base64,AA==")).isEqualTo(1);

        String sixMegabytes = "data:image/png;base64," + "A".repeat(8_000_000);
        GenerationRequest r = GenerationRequest.builder("a cat").size(2048, 2048).build();
        ProviderCall within = new ProviderCall(r, Resolution.of(2048, 2048), 1, 0, ReplicateModel.V4_0.offer(),
                List.of(sixMegabytes, "https://x.test/a.png"));
        assertThat(CreatePrediction.of(within).input().imageInput()).hasSize(2);
        ProviderCall over = new ProviderCall(r, Resolution.of(2048, 2048), 1, 0, ReplicateModel.V4_0.offer(),
                List.of(sixMegabytes, sixMegabytes));
        assertThatThrownBy(() -> CreatePrediction.of(over)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("provider replicate: the reference images held as bytes add up to 12000000 bytes; "
                        + "Replicate takes at most 10000000 bytes inline in one prediction: pass the larger images as "
                        + "https URLs");
    }

    @Test
    void createPrediction_writesOnlyTheSchemasKeys() {
        GenerationRequest r = GenerationRequest.builder("a cat").size(2048, 2048).model(SeedreamModel.V4_5)
                .maxImages(3).build();
        ProviderCall call = new ProviderCall(r, Resolution.of(2048, 2048), 3, 0, ReplicateModel.V4_5.offer(),
                List.of("https://x.test/a.png"));

        assertThat(Json.mapper().writeValueAsString(CreatePrediction.of(call))).isEqualTo("{\"input\":{\"prompt\":"
                + "\"a cat\",\"image_input\":[\"https://x.test/a.png\"],\"size\":\"custom\",\"width\":2048,"
                + "\"height\":2048,\"sequential_image_generation\":\"auto\",\"max_images\":3}}");
    }

    private static HttpReply reply(int status, String body, Map<String, List<String>> headers) {
        return HttpReply.of("POST /v1/models/bytedance/seedream-4/predictions", Idempotency.NON_IDEMPOTENT, status,
                headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
