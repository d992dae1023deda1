package io.github.seedream4j.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;

/**
 * A provider's HTTP API stood in for by WireMock on 127.0.0.1, for running the command line against it: it keeps
 * every request, serves real PNGs at {@code /img/...}, and hands the command line its key through a file, as a user
 * should. Each subclass answers as its API does.
 */
abstract class LoopbackApi implements AutoCloseable {

    /** The key the stubs hand to the command line; no output may ever contain it. */
    static final String KEY = "canary-key-7f3e9a1c5d2b4e8f";

    protected final WireMockServer server;
    private final String provider;
    private final String keySetting;
    private final String basePath;

    /**
     * @param provider the provider id
     * @param keySetting the name of the provider's key setting
     * @param basePath the path of the API's base URL on this stub, empty for the root
     */
    LoopbackApi(String provider, String keySetting, String basePath) {
        this.provider = provider;
        this.keySetting = keySetting;
        this.basePath = basePath;
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
        server.start();
    }

    /** {@return the provider id} */
    final String provider() {
        return provider;
    }

    /** {@return {@code http://127.0.0.1:PORT}, the stub's root} */
    final String root() {
        return "http://127.0.0.1:" + server.port();
    }

    /** {@return the value of the provider's {@code base-url} setting that points it here} */
    final String baseUrl() {
        return root() + basePath;
    }

    /** {@return the options that point the command line here, with {@link #KEY} read from a file in {@code dir}} */
    final List<String> options(Path dir) {
        try {
            Path key = dir.resolve("stub-" + provider + ".key");
            Files.writeString(key, KEY + "\n");
            return new ArrayList<>(List.of("--provider", provider, "--set", keySetting + "=@" + key, "--set",
                    "base-url=" + baseUrl()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the URL of a real {@code width x height} PNG this stub serves at {@code /img/NAME.png}} */
    final String image(String name, int width, int height) {
        String path = "/img/" + name + ".png";
        server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", "image/png")
                .withBody(png(width, height))));
        return root() + path;
    }

    /** {@return the URLs of {@code count} real PNGs of {@code width x height}, named 1, 2, ...} */
    final List<String> images(int count, int width, int height) {
        List<String> urls = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            urls.add(image(String.valueOf(i), width, height));
        }
        return urls;
    }

    /** {@return every request that matched {@code method} and {@code path}, in order} */
    final List<LoggedRequest> requests(String method, UrlPattern path) {
        return server.findAll(WireMock.requestedFor(method, path));
    }

    /** {@return every request this stub received} */
    final List<LoggedRequest> all() {
        return server.findAll(anyRequestedFor(anyUrl()));
    }

    /** {@return the text of {@code src/test/resources/wire/NAME}, a payload of the reference notes} */
    static String payload(String name) {
        try (InputStream in = LoopbackApi.class.getResourceAsStream("/wire/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no payload " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the body of {@code request} as JSON} */
    static JsonNode body(LoggedRequest request) {
        return Jsons.MAPPER.readTree(request.getBodyAsString());
    }

    @Override
    public final void close() {
        server.stop();
    }

    static ResponseDefinitionBuilder json(int status, String body) {
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

    /** A real, black PNG of {@code width x height}. */
    static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return {@code bytes} as a {@code data:image/png;base64,} URI} */
    static String dataUri(byte[] bytes) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
    }
}
