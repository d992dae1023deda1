package com.example.pixelmill;

import io.github.seedream4j.http.Json;
import io.github.seedream4j.tck.StubServer;
import io.github.seedream4j.tck.StubServer.Response;
import io.github.seedream4j.tck.TestImages;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Plays the Pixelmill API on 127.0.0.1: {@code POST /v1/images} answers with as many PNGs as asked, of the size
 * asked, in a colour that follows the seed (so the same seed gives the same bytes), inline or as URLs under
 * {@code /files/}. Costs 0.004 USD per image.
 */
final class PixelmillStub implements AutoCloseable {

    private final StubServer server = StubServer.start();

    PixelmillStub() {
        answer(false);
        server.on("GET", "/files/*", r -> {
            String[] name = r.pathSegment(1).replace(".png", "").split("-"); // WxH-seed
            String[] size = name[0].split("x");
            return Response.bytes(200, "image/png", png(Integer.parseInt(size[0]), Integer.parseInt(size[1]),
                    Long.parseLong(name[1])));
        });
    }

    String baseUrl() {
        return server.baseUrl();
    }

    StubServer server() {
        return server;
    }

    /** Answers generations with the images inline ({@code base64}) or as URLs. */
    void answer(boolean urls) {
        server.on("POST", "/v1/images", r -> {
            JsonNode q = Json.mapper().readTree(r.body());
            int width = q.get("width").asInt();
            int height = q.get("height").asInt();
            long seed = q.path("seed").asLong(0);
            List<String> images = new ArrayList<>();
            for (int i = 0; i < q.get("count").asInt(); i++) {
                images.add(urls ? "{\"url\":\"" + baseUrl() + "/files/" + width + "x" + height + "-" + (seed + i)
                        + ".png\"}" : "{\"base64\":\"" + Base64.getEncoder().encodeToString(png(width, height,
                                seed + i)) + "\",\"mimeType\":\"image/png\"}");
            }
            return Response.json(200, "{\"id\":\"pm_" + Long.toHexString(seed) + "\",\"images\":["
                    + String.join(",", images) + "],\"costUsd\":\"" + (images.size() * 4) / 1000.0 + "\"}");
        });
    }

    /** Answers generations with {@code status} and {@code body}. */
    void fail(int status, String body) {
        server.on("POST", "/v1/images", r -> Response.json(status, body));
    }

    /** Never answers generations (until the stub is closed). */
    void hang() {
        server.on("POST", "/v1/images", r -> {
            Thread.sleep(120_000);
            return Response.empty(500);
        });
    }

    private static byte[] png(int width, int height, long seed) {
        return TestImages.png(width, height, Long.hashCode(seed * 0x9E3779B97F4A7C15L) & 0xffffff);
    }

    @Override
    public void close() {
        server.close();
    }
}
