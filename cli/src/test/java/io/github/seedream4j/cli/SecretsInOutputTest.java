package io.github.seedream4j.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Runpod API key given on the command line ({@code --set api-key=...}) or as the system property
 * {@code seedream.runpod.api-key} never shows in what the CLI prints on stdout or stderr, the library's log records
 * included: under the CLI's logger finder a record that is not printed goes nowhere. Runpod is a WireMock stub on
 * 127.0.0.1 that succeeds, refuses the key (401), or echoes it in a 500 body.
 */
class SecretsInOutputTest {

    static final String CANARY = "rpa_CANARY_CLI_5d0c7b19e2f84a36";
    static final String PROPERTY = "seedream.runpod.api-key";
    static final String RUN = "/seedream-v4-t2i/run";

    /** How the key reaches the CLI. */
    enum KeySource {
        SET_OPTION, SYSTEM_PROPERTY
    }

    @TempDir
    Path dir;
    private WireMockServer server;
    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
        server.start();
    }

    @AfterEach
    void stop() {
        System.clearProperty(PROPERTY);
        server.stop();
    }

    @ParameterizedTest
    @EnumSource(KeySource.class)
    void generateJson_success_neverPrintsTheKey(KeySource source) {
        stubSuccess();

        CliRun r = run(source, "generate", "a red fox", "--size", "1024x1024", "--json", "--out", out());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"provider\":\"runpod\"");
        assertKeyWasSent();
        assertNoKey(r);
    }

    @ParameterizedTest
    @EnumSource(KeySource.class)
    void generateVerbose_success_neverPrintsTheKey(KeySource source) {
        stubSuccess();

        CliRun r = run(source, "generate", "a red fox", "--size", "1024x1024", "--verbose", "--debug", "--out", out());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("event=completed");
        assertKeyWasSent();
        assertNoKey(r);
    }

    @ParameterizedTest
    @EnumSource(KeySource.class)
    void providers_showsWhereTheKeyComesFromButNotTheKey(KeySource source) {
        CliRun r = run(source, "providers");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("api-key");
        assertNoKey(r);
    }

    @ParameterizedTest
    @EnumSource(KeySource.class)
    void estimate_neverPrintsTheKey(KeySource source) {
        CliRun r = run(source, "estimate", "a red fox", "--size", "2048x2048", "--verbose", "--debug");

        assertThat(r.code()).as(r.err()).isZero();
        assertNoKey(r);
    }

    @ParameterizedTest
    @EnumSource(KeySource.class)
    void generate_keyRefused401_neverPrintsTheKey(KeySource source) {
        server.stubFor(post(urlPathEqualTo(RUN)).willReturn(json(401, "{\"error\":\"invalid api key " + CANARY
                + "\"}")));

        for (String[] extra : modes()) {
            CliRun r = run(source, concat(new String[] {"generate", "a red fox", "--size", "1024x1024", "--out", out()},
                    extra));

            assertThat(r.code()).as(r.err()).isEqualTo(2); // the key must be changed first
            assertThat(r.err()).contains("seedream: ").contains("HTTP 401");
            if (List.of(extra).contains("--debug")) {
                assertThat(r.err()).as("a stack trace").contains("\tat io.github.seedream4j.");
            }
            assertNoKey(r);
        }
        assertKeyWasSent();
    }

    @ParameterizedTest
    @EnumSource(KeySource.class)
    void generate_500EchoingTheKey_neverPrintsTheKey(KeySource source) {
        server.stubFor(post(urlPathEqualTo(RUN)).willReturn(json(500, "{\"error\":\"upstream rejected key " + CANARY
                + "\"}")));

        for (String[] extra : modes()) {
            CliRun r = run(source, concat(new String[] {"generate", "a red fox", "--size", "1024x1024", "--out", out()},
                    extra));

            assertThat(r.code()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).contains("HTTP 500: upstream rejected key ****; ");
            if (List.of(extra).contains("--debug")) {
                assertThat(r.err()).as("a stack trace").contains("\tat io.github.seedream4j.");
            }
            assertNoKey(r);
        }
        assertKeyWasSent();
    }

    /** Plain, --debug (stack traces), --verbose --json --debug. */
    private static List<String[]> modes() {
        return List.of(new String[0], new String[] {"--debug"}, new String[] {"--verbose", "--json", "--debug"});
    }

    private CliRun run(KeySource source, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--provider", "runpod", "--set", "base-url=" + server.baseUrl()));
        if (source == KeySource.SET_OPTION) {
            all.addAll(List.of("--set", "api-key=" + CANARY));
        } else {
            System.setProperty(PROPERTY, CANARY);
        }
        if (args[0].equals("providers")) {
            all = new ArrayList<>(List.of("providers"));
            if (source == KeySource.SET_OPTION) {
                all.addAll(List.of("--set", "api-key=" + CANARY));
            }
        }
        return CliRun.of(all.toArray(String[]::new));
    }

    private void stubSuccess() {
        server.stubFor(post(urlPathEqualTo(RUN)).willReturn(json(200, "{\"delayTime\":16,\"executionTime\":5234,"
                + "\"id\":\"eaebd6e7-6a92-4bb8-a911-f996ac5ea99d\",\"output\":{\"cost\":0.113246,\"image_url\":\""
                + server.baseUrl() + "/img/out.png\"},\"status\":\"COMPLETED\",\"workerId\":\"oqk7ao1uomckye\"}")));
        server.stubFor(get(urlPathEqualTo("/img/out.png")).willReturn(aResponse().withHeader("Content-Type",
                "image/png").withBody(png(1024, 1024))));
    }

    /** The canary really went out, so its absence from the output means something. */
    private void assertKeyWasSent() {
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(RUN)).withHeader("Authorization",
                equalTo("Bearer " + CANARY)))).isNotEmpty();
    }

    private void assertNoKey(CliRun r) {
        assertThat(r.out()).as("stdout").doesNotContain(CANARY);
        assertThat(r.err()).as("stderr").doesNotContain(CANARY);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private String out() {
        return dir.resolve("out-" + System.nanoTime() + ".png").toString();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
