package io.github.seedream4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.seedream4j.GenerationEvent;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.ImageDestination;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.spi.ProviderSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A canary API key, configured for the provider, must appear nowhere a person or a log collector could see it:
 * not in any log record at any level (System.Logger goes to java.util.logging; the root logger is opened to ALL,
 * which makes the http toolkit log every exchange with its headers), not in any exception message, {@code toString}
 * or stack trace along the whole cause chain (suppressed included), not in the {@code toString} of the client, its
 * settings, its provider and what they hold, the result, or any event. Servers that echo the key back (in error
 * bodies, job errors, image URLs, their user-info) are part of the scenarios, and so is a key that cannot travel in a
 * header (a trailing carriage return). The CLI is covered by its own tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SecretCanaryContract {

    static final String CANARY = "sk-CANARY-3b7e51f0c9d24a68";

    private WireMockServer server;
    private HttpProviderHarness h;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level rootLevel;
    @TempDir
    Path temp;

    /** The provider under test. */
    abstract HttpProviderHarness harness();

    @BeforeAll
    void start() {
        server = new WireMockServer(HttpProviderHarness.serverConfig());
        server.start();
        h = harness().on(server.baseUrl());
        Logger root = LogManager.getLogManager().getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterAll
    void stop() {
        Logger root = LogManager.getLogManager().getLogger("");
        root.removeHandler(capture);
        root.setLevel(rootLevel);
        server.stop();
    }

    Stream<Scenario> scenarios() {
        String image = "/img/out." + h.imageFormat().extension();
        byte[] bytes = h.image(h.size().width(), h.size().height());
        List<Scenario> list = new ArrayList<>();
        list.add(new Scenario("success", () -> {
            completed(server.baseUrl() + image);
            server.stubFor(get(urlPathEqualTo(image)).willReturn(h.imageResponse(bytes)));
        }));
        list.add(new Scenario("401 whose body echoes the key", () -> submit(HttpProviderHarness.json(401,
                "{\"error\":\"invalid api key " + CANARY + "\"}"))));
        list.add(new Scenario("500 HTML page titled with the key", () -> submit(aResponse().withStatus(500)
                .withHeader("Content-Type", "text/html").withBody("<html><title>bad key " + CANARY
                        + "</title></html>"))));
        list.add(new Scenario("429 whose body echoes the key", () -> submit(HttpProviderHarness.json(429,
                "{\"message\":\"slow down " + CANARY + "\"}").withHeader("Retry-After", "0"))));
        list.add(new Scenario("403 whose body echoes the Authorization header", () -> submit(HttpProviderHarness.json(
                403, "{\"error\":\"refused header 'Authorization: " + h.authorization(CANARY) + "'\"}"))));
        list.add(new Scenario("connection reset after the request", () -> submit(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER))));
        list.add(new Scenario("image URL carrying the key, expired", true, () -> {
            completed(server.baseUrl() + image + "?token=" + CANARY);
            server.stubFor(get(urlPathEqualTo(image)).willReturn(aResponse().withStatus(403)
                    .withBody("denied " + CANARY)));
        }));
        list.add(new Scenario("image URL carrying the key in its user-info, expired", true, () -> {
            completed("http://user:" + CANARY + "@localhost:" + server.port() + image);
            server.stubFor(get(urlPathEqualTo(image)).willReturn(aResponse().withStatus(404)));
        }));
        list.add(new Scenario("image URL carrying the key, success", true, () -> {
            completed(server.baseUrl() + image + "?token=" + CANARY);
            server.stubFor(get(urlPathEqualTo(image)).willReturn(h.imageResponse(bytes)));
        }));
        if (h.hasJobs()) {
            list.add(new Scenario("job FAILED with the key in its error", () -> {
                if (h.result() == null) {
                    submit(h.failedJob("auth " + CANARY));
                } else {
                    completed(server.baseUrl() + image);
                    server.stubFor(h.result().willReturn(h.failedJob("auth " + CANARY)));
                }
            }));
        }
        return list.stream();
    }

    private void submit(ResponseDefinitionBuilder response) {
        server.stubFor(h.submit().willReturn(response));
    }

    /** The generation POST leads to the image at {@code imageUrl}, its follow-up stubbed. */
    private void completed(String imageUrl) {
        submit(HttpProviderHarness.json(200, h.completedBody(imageUrl)));
        h.stubFollowUp(server, imageUrl);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void generate_neverShowsTheKey(Scenario scenario) {
        server.resetAll();
        records.clear();
        scenario.stub.run();
        List<GenerationEvent> events = new CopyOnWriteArrayList<>();
        List<String> seen = new ArrayList<>();
        GenerationResult[] result = new GenerationResult[1];
        Throwable error;
        try (SeedreamClient client = SeedreamClient.builder().provider(h.providerId())
                .settings(h.settings(server.baseUrl(), CANARY)).systemProperties(k -> null).environment(k -> null)
                .timeout(Duration.ofSeconds(20)).listener(events::add).build()) {
            error = catchThrowable(() -> result[0] = client.generate(FaultMatrixContract.request(h),
                    ImageDestination.directory(temp.resolve(scenario.name.replace(' ', '-')), "img", false)));
            seen.add(client.toString());
            seen.add(client.capabilities().toString());
            seen.addAll(reachableToStrings(client));
        }
        seen.add(ProviderSettings.of(h.providerId(), h.settings(server.baseUrl(), CANARY)).toString());
        if (result[0] != null) {
            seen.add(result[0].toString());
            result[0].images().forEach(i -> seen.add(i.toString()));
        }
        events.forEach(e -> seen.add(e.toString()));
        seen.addAll(throwableTexts(error));
        // the cancel of a failed job and the like log in the background
        Leaks.await(() -> false, Duration.ofMillis(200));
        for (LogRecord r : records) {
            if (scenario.keyInServerUrl && r.getLoggerName() != null && r.getLoggerName().startsWith("jdk.internal.")) {
                // the JDK's own HTTP debug log prints every URL it fetches, query included; when the server itself
                // puts the key into the image URL, that is the server's leak, out of seedream4j's reach
                continue;
            }
            seen.add(new java.util.logging.SimpleFormatter().format(r));
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    seen.add(String.valueOf(p));
                }
            }
            seen.addAll(throwableTexts(r.getThrown()));
        }

        // the canary was really in use, and the capture really saw the HTTP traffic at the most verbose level
        assertThat(server.findAll(h.submitted().withHeader("Authorization", equalTo(h.authorization(CANARY)))))
                .isNotEmpty();
        assertThat(records).extracting(LogRecord::getMessage).anyMatch(m -> m.startsWith("--> POST"))
                .anyMatch(m -> m.startsWith("<-- HTTP") || m.startsWith("<-- failed"))
                .anyMatch(m -> m.contains("Authorization: ****")) // TRACE: headers are logged, credentials hidden
                .anyMatch(m -> m.contains("Content-Type: application/json"));
        assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(CANARY));
    }

    /**
     * Issue 16 #8: a key with a trailing carriage return went into a header, and the JDK's refusal quoted it, in the
     * cause chain of the exception the user got. Now {@code build()} refuses it, naming the setting only.
     */
    @ParameterizedTest(name = "key ending in {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"\r", "\n", "\r\n", "\u001b"})
    void build_withAKeyThatCannotTravelInAHeader_neverShowsIt(String tail) {
        server.resetAll();
        records.clear();
        Map<String, String> settings = new java.util.HashMap<>(h.settings(server.baseUrl(), CANARY + tail));

        Throwable error = catchThrowable(() -> SeedreamClient.builder().provider(h.providerId()).settings(settings)
                .systemProperties(k -> null).environment(k -> null).build().generate(FaultMatrixContract.request(h)));

        assertThat(error).isInstanceOf(io.github.seedream4j.ConfigurationException.class)
                .hasMessageContaining("(the value is not shown)");
        List<String> seen = new ArrayList<>(throwableTexts(error));
        records.forEach(r -> seen.add(new java.util.logging.SimpleFormatter().format(r)));
        assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(CANARY));
        assertThat(server.getAllServeEvents()).as("nothing was sent").isEmpty();
    }

    /** Messages, toString and the printed stack trace of a throwable, its causes and suppressed ones. */
    static List<String> throwableTexts(Throwable t) {
        List<String> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        out.add(trace.toString());
        Set<Throwable> done = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> todo = new ArrayList<>(List.of(t));
        while (!todo.isEmpty()) {
            Throwable x = todo.remove(todo.size() - 1);
            if (x == null || !done.add(x)) {
                continue;
            }
            out.add(String.valueOf(x.getMessage()));
            out.add(String.valueOf(x.getLocalizedMessage()));
            out.add(x.toString());
            todo.add(x.getCause());
            todo.addAll(List.of(x.getSuppressed()));
        }
        return out;
    }

    /**
     * The {@code toString} of every seedream4j object reachable from {@code root} through fields (the provider,
     * its config, its helpers), to a depth of four.
     */
    static List<String> reachableToStrings(Object root) {
        List<String> out = new ArrayList<>();
        Set<Object> done = Collections.newSetFromMap(new IdentityHashMap<>());
        walk(root, 0, done, out);
        return out;
    }

    private static void walk(Object o, int depth, Set<Object> done, List<String> out) {
        if (o == null || depth > 4 || !done.add(o) || !o.getClass().getName().startsWith("io.github.seedream4j")) {
            return;
        }
        out.add(o.toString());
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    Object v = f.get(o);
                    if (v instanceof Map) {
                        ((Map<?, ?>) v).values().forEach(x -> walk(x, depth + 1, done, out));
                    } else if (v instanceof Iterable) {
                        ((Iterable<?>) v).forEach(x -> walk(x, depth + 1, done, out));
                    } else {
                        walk(v, depth + 1, done, out);
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // not reachable from here: skip
                }
            }
        }
    }

    /** One way the server can behave. */
    static final class Scenario {
        final String name;
        final boolean keyInServerUrl;
        final Runnable stub;

        Scenario(String name, Runnable stub) {
            this(name, false, stub);
        }

        Scenario(String name, boolean keyInServerUrl, Runnable stub) {
            this.name = name;
            this.keyInServerUrl = keyInServerUrl;
            this.stub = stub;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
