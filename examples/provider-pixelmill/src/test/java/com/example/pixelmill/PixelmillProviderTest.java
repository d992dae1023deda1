package com.example.pixelmill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seedream4j.Charge;
import io.github.seedream4j.Cost;
import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.InsufficientCreditException;
import io.github.seedream4j.ProviderUnavailableException;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.Seed;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.http.Json;
import io.github.seedream4j.tck.StubServer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What Pixelmill is sent and how its answers are read, through a client as applications use it. */
class PixelmillProviderTest {

    private final PixelmillStub stub = new PixelmillStub();

    @AfterEach
    void close() {
        stub.close();
    }

    @Test
    void generate_sendsTheDocumentedRequestAndReportsTheCost() {
        GenerationRequest request = GenerationRequest.of("a red fox").withNegativePrompt("blurry")
                .withSize(ImageSize.exact(1280, 960)).withSeed(Seed.of(7)).withCount(2);

        GenerationResult result = generate(stub.baseUrl(), request);

        StubServer.Request sent = stub.server().requests("POST", "/v1/images").get(0);
        assertThat(sent.header("Authorization")).isEqualTo("Bearer pm-test-key");
        assertThat(sent.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = Json.mapper().readTree(sent.body());
        assertThat(body.toString()).isEqualTo("{\"prompt\":\"a red fox\",\"negativePrompt\":\"blurry\",\"width\":1280,"
                + "\"height\":960,\"seed\":7,\"count\":2}");
        assertThat(result.images()).hasSize(2).allSatisfy(i -> assertThat(i.resolution())
                .isEqualTo(Resolution.of(1280, 960)));
        assertThat(result.charge()).isEqualTo(Charge.reported(Cost.usd("0.008")));
        assertThat(result.jobIds()).containsExactly("pm_7");
    }

    @Test
    void generate_downloadsImagesGivenAsUrls() {
        stub.answer(true);

        GenerationResult result = generate(stub.baseUrl(), GenerationRequest.of("a red fox")
                .withSize(ImageSize.exact(512, 2048)).withSeed(Seed.of(3)));

        assertThat(result.image().resolution()).isEqualTo(Resolution.of(512, 2048));
        assertThat(stub.server().requests("GET", "/files/*")).extracting(StubServer.Request::path)
                .containsExactly("/files/512x2048-3.png");
    }

    @Test
    void anOverdueAccount_isACreditProblemWithWhatToDo() {
        stub.fail(403, "{\"error\":{\"code\":\"account_overdue\",\"message\":\"Invoice 2211 is overdue\"}}");

        assertThatThrownBy(() -> generate(stub.baseUrl(), GenerationRequest.of("a red fox")))
                .isInstanceOf(InsufficientCreditException.class)
                .hasMessage("provider pixelmill: POST /v1/images answered HTTP 403: Invoice 2211 is overdue "
                        + "(code account_overdue); the Pixelmill account is overdue: pay the open invoice, then try again");
    }

    @Test
    void anAnswerThatIsNotTheDocumentedJson_failsSayingWhatToDo() {
        stub.fail(200, "<html><title>Maintenance</title></html>");

        assertThatThrownBy(() -> generate(stub.baseUrl(), GenerationRequest.of("a red fox")))
                .isInstanceOf(GenerationFailedException.class)
                .hasMessage("provider pixelmill: POST /v1/images answered HTTP 200: an HTML page titled 'Maintenance' "
                        + "(39 characters); the answer is not the JSON Pixelmill documents; report it to Pixelmill "
                        + "with the time of the request");
    }

    @Test
    void aRefusedConnection_isSaidInWords() {
        // the client logs each retry at INFO; quiet here, where the retries are the point
        Logger events = Logger.getLogger("io.github.seedream4j.events");
        Level level = events.getLevel();
        events.setLevel(Level.WARNING);
        try {
            assertThatThrownBy(() -> generate("http://127.0.0.1:1", GenerationRequest.of("a red fox")))
                    .isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageContaining("connection refused by 127.0.0.1:1");
        } finally {
            events.setLevel(level);
        }
    }

    private static GenerationResult generate(String baseUrl, GenerationRequest request) {
        try (SeedreamClient client = SeedreamClient.builder().provider(new PixelmillProviderFactory())
                .setting("base-url", baseUrl).setting("api-key", "pm-test-key").systemProperties(k -> null)
                .environment(k -> null).build()) {
            return client.generate(request);
        }
    }
}
