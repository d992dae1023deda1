package io.github.seedream4j.provider.runpod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.seedream4j.Charge;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.Cost;
import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.ImageDestination;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.ReferenceImage;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.Warning;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls with reference images: the seedream-v4-edit endpoint, from the payloads in Runpod's documentation. */
class RunpodEditTest {

    static final String KEY = "rpa_CANARY_7f3e9d2b1c";
    static final String JOB = "sync-a1b2c3d4-e5f6-7890-abcd-ef1234567890-u1";
    /** The request in Runpod's documentation of seedream-v4-edit, verbatim. */
    static final String DOCUMENTED_REQUEST = """
            {
              "input": {
                "prompt": "Dress the model in the clothes and hat",
                "images": [
                  "https://example.com/model-photo.jpg",
                  "https://example.com/clothes.jpg"
                ],
                "size": "1024*1024",
                "enable_safety_checker": true
              }
            }""";

    private WireMockServer server;
    private SeedreamClient client;

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
        server.start();
        client = SeedreamClient.builder().provider("runpod").setting("api-key", KEY)
                .setting("base-url", server.baseUrl()).systemProperties(k -> null).environment(k -> null)
                .timeout(Duration.ofSeconds(20)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop();
    }

    static GenerationRequest.Builder documented() {
        return GenerationRequest.builder("Dress the model in the clothes and hat").size(1024, 1024)
                .image(ReferenceImage.url("https://example.com/model-photo.jpg"))
                .image(ReferenceImage.url("https://example.com/clothes.jpg")).safetyChecker(true);
    }

    /** The documented COMPLETED answer, with its image on the stub server. */
    String completed() {
        return "{\"id\":\"" + JOB + "\",\"status\":\"COMPLETED\",\"delayTime\":19,\"executionTime\":4856,"
                + "\"workerId\":\"oqk7ao1uomckye\",\"output\":{\"image_url\":\"" + server.baseUrl()
                + "/abc123/output.png\",\"cost\":0.028311}}";
    }

    void stubImage() {
        server.stubFor(get("/abc123/output.png").willReturn(aResponse().withHeader("Content-Type", "image/png")
                .withBody(Pngs.png(1024, 1024))));
    }

    @Test
    void edit_sendsTheDocumentedRequestToTheEditEndpoint() {
        server.stubFor(post("/seedream-v4-edit/run").willReturn(aResponse().withBody("{\"id\":\"" + JOB
                + "\",\"status\":\"IN_QUEUE\"}")));
        server.stubFor(get("/seedream-v4-edit/status/" + JOB).willReturn(aResponse().withBody(completed())));
        stubImage();

        GenerationResult result = client.generate(documented().build());

        server.verify(1, postRequestedFor(urlEqualTo("/seedream-v4-edit/run"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(equalToJson(DOCUMENTED_REQUEST, false, false)));
        server.verify(1, getRequestedFor(urlEqualTo("/seedream-v4-edit/status/" + JOB)));
        server.verify(0, postRequestedFor(urlPathMatching("/seedream-v4-t2i/.*")));
        assertThat(result.image().resolution()).isEqualTo(Resolution.of(1024, 1024));
        assertThat(result.charge()).isEqualTo(Charge.reported(Cost.usd("0.028311")));
        assertThat(result.jobIds()).containsExactly(JOB);
        assertThat(result.timings().queue()).contains(Duration.ofMillis(19));
        // the client picks a seed when none is given; it is not sent, so the result says it does not reproduce
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(Warning.UNSUPPORTED_OPTION);
            assertThat(w.message()).isEqualTo("seed " + result.seed().orElseThrow().value() + " was not sent: "
                    + "Runpod's Seedream 4.0 edit endpoint documents no seed, so the seed reported with the image does "
                    + "not reproduce it");
        });
    }

    @Test
    void edit_sendsNeitherSeedNorNegativePromptAndSaysSo() {
        server.stubFor(post("/seedream-v4-edit/run").willReturn(aResponse().withBody(completed())));
        stubImage();

        GenerationResult result = client.generate(documented().seed(42).negativePrompt("blur").build());

        server.verify(1, postRequestedFor(urlEqualTo("/seedream-v4-edit/run"))
                .withRequestBody(equalToJson(DOCUMENTED_REQUEST, false, false)));
        assertThat(result.warnings()).extracting(Warning::code).containsOnly(Warning.UNSUPPORTED_OPTION);
        assertThat(result.warnings()).extracting(Warning::message).contains(
                "seed 42 was not sent: Runpod's Seedream 4.0 edit endpoint documents no seed, so the seed reported "
                        + "with the image does not reproduce it",
                "the negative prompt was not sent: Runpod's Seedream 4.0 edit endpoint documents none; say what to "
                        + "avoid in the prompt instead");
    }

    @Test
    void edit_documentedFailure() {
        server.stubFor(post("/seedream-v4-edit/run").willReturn(aResponse().withStatus(400).withBody("""
                {
                  "id": "sync-a1b2c3d4-e5f6-7890-abcd-ef1234567890-u1",
                  "status": "FAILED",
                  "error": "Invalid image URL in images array"
                }""")));

        assertThatThrownBy(() -> client.generate(documented().build())).isInstanceOf(GenerationFailedException.class)
                .hasMessage("provider runpod: job " + JOB + " failed: Invalid image URL in images array; Runpod does "
                        + "not charge failed generations");
    }

    @Test
    void resume_ofAnEditPollsTheEditEndpoint() {
        server.stubFor(get("/seedream-v4-edit/status/" + JOB).willReturn(aResponse().withBody(completed())));
        stubImage();

        GenerationResult result = client.resume(documented().build(), JOB, ImageDestination.memory());

        assertThat(result.charge()).isEqualTo(Charge.reported(Cost.usd("0.028311")));
        server.verify(0, postRequestedFor(urlPathMatching(".*/run")));
        server.verify(0, getRequestedFor(urlPathMatching("/seedream-v4-t2i/.*")));
    }

    @Test
    void edit_endpointIsASetting() {
        server.stubFor(post("/my-edit/run").willReturn(aResponse().withBody(completed())));
        stubImage();
        try (SeedreamClient custom = SeedreamClient.builder().provider("runpod").setting("api-key", KEY)
                .setting("base-url", server.baseUrl()).setting("edit-endpoint", "my-edit")
                .systemProperties(k -> null).environment(k -> null).build()) {

            custom.generate(documented().build());

            server.verify(1, postRequestedFor(urlEqualTo("/my-edit/run")));
        }
    }

    @Test
    void edit_unknownEditEndpointNamesItsSetting() {
        server.stubFor(post("/seedream-v4-edit/run").willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> client.generate(documented().build())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("endpoint 'seedream-v4-edit' does not exist at " + server.baseUrl()
                        + ": check the setting 'edit-endpoint' (seedream.runpod.edit-endpoint)");
    }

    @Test
    void edit_badEditEndpointSettingIsRefused() {
        assertThatThrownBy(() -> SeedreamClient.builder().provider("runpod").setting("api-key", KEY)
                .setting("edit-endpoint", "a/b").systemProperties(k -> null).environment(k -> null).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("provider runpod setting 'edit-endpoint' from explicit setting 'edit-endpoint' is 'a/b'; "
                        + "expected an "
                        + "endpoint id such as seedream-v4-edit");
    }

    @Test
    void edit_imageBytesAreRefusedBeforeSending() {
        assertThatThrownBy(() -> client.generate(GenerationRequest.builder("a cat").size(1024, 1024)
                .image(ReferenceImage.bytes(Pngs.png(64, 64))).build()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("reference image 1 (the given bytes) is held as bytes, but provider runpod takes "
                        + "reference images only as https URLs it fetches itself: put the image where the provider can "
                        + "fetch it and pass its URL");
        server.verify(0, postRequestedFor(urlPathMatching(".*")));
    }
}
