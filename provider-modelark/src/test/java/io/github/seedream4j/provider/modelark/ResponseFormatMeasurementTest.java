package io.github.seedream4j.provider.modelark;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.SeedreamClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What each {@code response_format} costs for one 2K image, measured through the provider against WireMock: bytes on
 * the wire, requests, and wall time on loopback (which has no latency or bandwidth limit, so it shows the library's
 * own cost; on a real link the extra round trip of {@code url} and the extra third of {@code b64_json} dominate).
 * The figures go to {@code target/modelark-response-format.txt}; the test checks the bytes, which do not vary.
 */
class ResponseFormatMeasurementTest {

    private static final String GENERATIONS = "/api/v3/images/generations";
    private static final int RUNS = 7;

    private WireMockServer server;

    @BeforeEach
    void startServer() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void b64Json_sendsAThirdMoreBytesInOneRequest_urlASmallAnswerAndASecondRequest() throws IOException {
        byte[] jpeg = Images.photoLike2K();
        String usage = "\"usage\":{\"generated_images\":1,\"output_tokens\":16384,\"total_tokens\":16384}}";
        server.stubFor(get(urlPathEqualTo("/seedream-4-0/0217_0.jpeg")).willReturn(aResponse()
                .withHeader("Content-Type", "image/jpeg").withBody(jpeg)));
        server.stubFor(post(urlPathEqualTo(GENERATIONS))
                .withRequestBody(matchingJsonPath("$.response_format", equalTo("url")))
                .willReturn(json("{\"model\":\"seedream-4-0-250828\",\"created\":1757321139,\"data\":[{\"url\":\""
                        + server.baseUrl() + "/seedream-4-0/0217_0.jpeg?X-Tos-Algorithm=TOS4-HMAC-SHA256&X-Tos-Expires="
                        + "86400&X-Tos-Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\","
                        + "\"size\":\"2048x2048\"}]," + usage)));
        server.stubFor(post(urlPathEqualTo(GENERATIONS))
                .withRequestBody(matchingJsonPath("$.response_format", equalTo("b64_json")))
                .willReturn(json("{\"model\":\"seedream-4-0-250828\",\"created\":1757321139,\"data\":[{\"b64_json\":\""
                        + Base64.getEncoder().encodeToString(jpeg) + "\",\"size\":\"2048x2048\"}]," + usage)));

        Measured url = measure("url", jpeg);
        Measured b64 = measure("b64_json", jpeg);

        assertThat(url.requests).isEqualTo(2);
        assertThat(b64.requests).isEqualTo(1);
        assertThat(url.answerBytes).as("an answer with a URL").isLessThan(1024);
        long encoded = (jpeg.length + 2) / 3 * 4;
        assertThat(b64.answerBytes).as("an answer holding the image").isBetween(encoded, encoded + 1024);
        assertThat(url.totalBytes).isEqualTo(url.answerBytes + jpeg.length);
        Files.writeString(Path.of("target", "modelark-response-format.txt"), String.format(
                "one 2048x2048 JPEG of %,d bytes, median of %d runs on loopback%n%s%n%s%n", jpeg.length, RUNS, url,
                b64), StandardCharsets.UTF_8);
    }

    private Measured measure(String format, byte[] jpeg) {
        try (SeedreamClient client = SeedreamClient.builder().provider("modelark").setting("api-key", "ark-measure")
                .setting("base-url", server.baseUrl() + "/api/v3").setting("response-format", format)
                .systemProperties(k -> null).environment(k -> null).build()) {
            long[] nanos = new long[RUNS];
            for (int i = -2; i < RUNS; i++) {
                server.resetRequests();
                long start = System.nanoTime();
                GenerationResult result = client.generate(GenerationRequest.of("a lighthouse at dawn"));
                long took = System.nanoTime() - start;
                assertThat(result.image().bytes()).isEqualTo(jpeg);
                if (i >= 0) {
                    nanos[i] = took;
                }
            }
            List<ServeEvent> events = server.getAllServeEvents();
            long answer = events.stream().filter(e -> e.getRequest().getUrl().startsWith(GENERATIONS))
                    .mapToLong(e -> e.getResponse().getBody().length).sum();
            long total = events.stream().mapToLong(e -> e.getResponse().getBody().length).sum();
            Arrays.sort(nanos);
            return new Measured(format, events.size(), answer, total, Duration.ofNanos(nanos[RUNS / 2]));
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private record Measured(String format, int requests, long answerBytes, long totalBytes, Duration median) {
        @Override
        public String toString() {
            return String.format("%-8s %d request(s), answer %,d bytes, on the wire %,d bytes, %.1f ms", format,
                    requests, answerBytes, totalBytes, median.toNanos() / 1e6);
        }
    }
}
