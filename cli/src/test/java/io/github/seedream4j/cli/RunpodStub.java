package io.github.seedream4j.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** A hostile stand-in for Runpod on 127.0.0.1: answers {@code /run} at once with whatever a test scripts. */
final class RunpodStub implements AutoCloseable {

    static final String RUN = "/seedream-v4-t2i/run";

    private final WireMockServer server;

    RunpodStub() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
        server.start();
    }

    /** Every /run answers COMPLETED with {@code output} (JSON object text; {@code URL} stands for the image's URL). */
    RunpodStub completed(String output) {
        server.stubFor(post(urlPathEqualTo(RUN)).willReturn(json(200, "{\"id\":\"job-1\",\"status\":\"COMPLETED\","
                + "\"delayTime\":5,\"executionTime\":50,\"output\":" + output.replace("URL", server.baseUrl()
                + "/img/out.png") + "}")));
        return this;
    }

    /** Every /run answers FAILED with {@code error} as the job's error text. */
    RunpodStub failed(String error) {
        server.stubFor(post(urlPathEqualTo(RUN)).willReturn(json(200, "{\"id\":\"job-1\",\"status\":\"FAILED\","
                + "\"error\":" + quote(error) + "}")));
        return this;
    }

    /** The image URL serves a real 1024x1024 PNG. */
    RunpodStub image() {
        server.stubFor(get(urlPathEqualTo("/img/out.png")).willReturn(aResponse().withHeader("Content-Type",
                "image/png").withBody(png(1024, 1024))));
        return this;
    }

    /** The image URL has expired. */
    RunpodStub imageGone() {
        server.stubFor(get(urlPathEqualTo("/img/out.png")).willReturn(aResponse().withStatus(404)));
        return this;
    }

    /** The first /run answers 429 (retry after 1 s), the next ones COMPLETED with a real image. */
    RunpodStub rateLimitedOnce() {
        server.stubFor(post(urlPathEqualTo(RUN)).inScenario("once").whenScenarioStateIs(
                com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED).willSetStateTo("again")
                .willReturn(json(429, "{\"error\":\"slow down\"}").withHeader("Retry-After", "1")));
        server.stubFor(post(urlPathEqualTo(RUN)).inScenario("once").whenScenarioStateIs("again")
                .willReturn(json(200, "{\"id\":\"job-1\",\"status\":\"COMPLETED\",\"output\":{\"cost\":0.03,"
                        + "\"image_url\":\"" + server.baseUrl() + "/img/out.png\"}}")));
        return image();
    }

    /** The Authorization headers of every /run. */
    List<String> authorizations() {
        return server.findAll(postRequestedFor(urlPathEqualTo(RUN))).stream()
                .map(r -> r.getHeader("Authorization")).toList();
    }

    int posts() {
        return server.findAll(postRequestedFor(urlPathEqualTo(RUN))).size();
    }

    /** The options that point the CLI at this stub, with a key from a file. */
    List<String> options(Path dir) {
        try {
            Path key = dir.resolve("stub.key");
            if (!Files.exists(key)) {
                Files.writeString(key, "stub-key\n");
            }
            return new ArrayList<>(List.of("--provider", "runpod", "--set", "api-key=@" + key, "--set",
                    "base-url=" + server.baseUrl()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A JSON string, escaping every control character as {@code \\uXXXX}. */
    static String quote(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f) {
                s.append(String.format("\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.append('"').toString();
    }

    static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
