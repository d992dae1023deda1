package io.github.seedream4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.seedream4j.AspectRatio;
import io.github.seedream4j.Charge;
import io.github.seedream4j.GeneratedImage;
import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.GenerationEvent;
import io.github.seedream4j.GenerationHandle;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.GenerationTimeoutException;
import io.github.seedream4j.ImageFormat;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.ProviderCatalog;
import io.github.seedream4j.ReferenceImage;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.Seed;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.SizeTable;
import io.github.seedream4j.SizeTier;
import io.github.seedream4j.UnsupportedOptionException;
import io.github.seedream4j.UnsupportedOptionPolicy;
import io.github.seedream4j.Warning;
import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ImageTransport;
import io.github.seedream4j.spi.ModelOffer;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The compatibility kit every seedream4j provider should pass. Extend it in a test of the provider module, name the
 * provider, and supply what a test run needs; JUnit 5 runs the inherited tests:
 *
 * <pre>{@code
 * class AcmeProviderCompatibilityTest extends ImageProviderCompatibilityKit {
 *     @Override
 *     protected String providerId() {
 *         return "acme";
 *     }
 * }
 * }</pre>
 *
 * <p>The tests use the provider the way applications do: found by {@link ServiceLoader} on the test class path and
 * driven through {@link SeedreamClient}, which validates each request against the provider's {@link Capabilities}
 * before the provider sees it. They check discovery (class path, and the module descriptor for the module path), a
 * stable id, capabilities that match behaviour (exact sizes at the edges of the declared range, declared tiers at
 * the {@link SizeTable} pixels, declared options honoured and undeclared ones refused or warned), results that keep
 * core's promises (decodable images at the exact pixels, media type matching the bytes, seeds, cost), errors only
 * from the {@link SeedreamException} family, cancellation, interrupts and deadlines, job ids that arrive after the
 * caller gave up, concurrent calls, and that no secret shows up in {@code toString()} or in an exception. Where the
 * capabilities declare them, reference images (in order, in the declared transport, URLs not fetched, one too many
 * refused offline), sequential sets (1 to the maximum, a smaller set a success) and every model version under the
 * provider's own id (an undeclared one refused offline).
 *
 * <p>Hooks: in-process providers usually need none. HTTP providers return a stub server's URL from
 * {@link #settings()} and program it in {@link #expectGeneration(Resolution)}, {@link #provokeFailure(Map)},
 * {@link #makeSlow(Map)} and, for APIs with jobs, {@link #holdSubmission(Map, HeldSubmission)}; providers of the
 * whole model report what their stub received with {@link #receivedRequests()} and arrange sets of a given size
 * with {@link #expectSet(Resolution, int)}. {@link StubServer} and {@link TestImages} help. A test whose hook the subclass does not implement, or that does not apply to the
 * provider, is reported by Surefire as skipped, with the reason in its report
 * ({@code target/surefire-reports/TEST-*.xml}); no test passes without checking something.
 *
 * <p>System property {@value #DEADLINE_RUNS_PROPERTY} sets how many times the deadline check runs in a row (default
 * {@value #DEFAULT_DEADLINE_RUNS}), for example {@code mvn verify -Dseedream4j.tck.deadline-runs=50}.
 *
 * <p>JUnit creates one instance per test method; hooks run on the test's thread. A test can be switched off by
 * overriding it with {@code @Disabled("why")}, which should be rare and explained.
 */
public abstract class ImageProviderCompatibilityKit {

    /** An undeclared extra option name the kit uses to check that unknown extras are refused or warned. */
    public static final String UNDECLARED_EXTRA = "tck-undeclared-extra";

    /** System property: how many times the deadline check runs in a row. */
    public static final String DEADLINE_RUNS_PROPERTY = "seedream4j.tck.deadline-runs";

    /** How many times the deadline check runs when {@value #DEADLINE_RUNS_PROPERTY} is not set. */
    public static final int DEFAULT_DEADLINE_RUNS = 3;

    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final Duration DEADLINE = Duration.ofSeconds(1);
    private static final Duration CANCEL_BOUND = Duration.ofSeconds(10);
    /** The most images of the sets the kit asks for: small, and within every provider's limit. */
    private static final int SET_SIZE = 3;

    /**
     * Core logs every result warning; the kit provokes such warnings on purpose (undeclared options), so it turns
     * that one logger down while its tests run. Held here because {@code java.util.logging} keeps loggers weakly.
     */
    private static final Logger CORE_EVENTS = Logger.getLogger("io.github.seedream4j.events");
    private static Level eventsLevel;

    private final String canary = "tck-canary-" + UUID.randomUUID();
    private final List<SeedreamClient> clients = new CopyOnWriteArrayList<>();
    private ImageProviderFactory factory;
    /** Serves the reference images the kit passes as URLs; no request may reach it. */
    private StubServer referenceServer;
    /** Holds the reference images the kit passes as files. */
    private Path referenceFiles;

    /** Creates the kit; subclasses have a no-argument constructor for JUnit. */
    protected ImageProviderCompatibilityKit() {
    }

    // ------------------------------------------------------------------------------------------------ hooks

    /**
     * The id of the provider under test, as its factory reports it.
     *
     * @return the id, for example {@code acme}
     */
    protected abstract String providerId();

    /**
     * The settings the provider needs in a test, by key name, for example a stub server's {@code base-url}. Secret
     * settings need not be given: the kit sets each to a canary value. System properties and environment variables
     * are hidden from the clients the kit builds, so a developer's real key is never used. Empty by default.
     *
     * @return the settings by key name, never {@code null}
     */
    protected Map<String, String> settings() {
        return Map.of();
    }

    /**
     * The names of the settings that hold credentials; the kit sets each to {@link #canary()} and checks that the
     * value never shows up in {@code toString()} or in an exception. By default every key of
     * {@link ImageProviderFactory#settings()} marked {@link SettingKey#secret()}. When there is none, the secrecy test
     * is skipped.
     *
     * @return the names of the secret settings, never {@code null}
     */
    protected Set<String> secretSettings() {
        return factory().settings().stream().filter(SettingKey::secret).map(SettingKey::name)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * Whether the same request with the same seed gives byte-identical images. Turns on the reproducibility check;
     * {@code false} by default (a remote model need not be deterministic).
     *
     * @return whether images are reproducible
     */
    protected boolean deterministic() {
        return false;
    }

    /**
     * Arranges for the following generations to succeed with images of {@code resolution}. HTTP providers stub
     * their server here (for example WireMock answering with a real PNG of that size); in-process providers need
     * nothing. Called before every generation the kit expects to succeed, on the test's thread.
     *
     * @param resolution the pixels the next generations ask for
     */
    protected void expectGeneration(Resolution resolution) {
    }

    /**
     * Arranges for the next generation to fail at the provider, for example a stub answering 500, or a setting of a
     * fake that scripts a failure (added to {@code settings}, a mutable copy of {@link #settings()}). Returns
     * whether it did; the default does nothing and returns {@code false}, and the failure test is skipped.
     *
     * @param settings a mutable copy of {@link #settings()} the failing client is built with
     * @return whether a failure is arranged
     */
    protected boolean provokeFailure(Map<String, String> settings) {
        return false;
    }

    /**
     * Arranges for the next generations to take long, at least 30 seconds (for example a latency setting added to
     * {@code settings}, a mutable copy of {@link #settings()}, or a stub whose job never finishes). Returns whether
     * it did; the default returns {@code false}, and the cancellation, interrupt and deadline tests are skipped.
     *
     * @param settings a mutable copy of {@link #settings()} the slow client is built with
     * @return whether slowness is arranged
     */
    protected boolean makeSlow(Map<String, String> settings) {
        return false;
    }

    /**
     * Whether the provider reports a job id ({@link io.github.seedream4j.spi.Progress#submitted}) before the images
     * arrive, as APIs that accept a job and are then polled do. When true, the cancellation test waits for the job
     * id before it cancels, and the late-job-id tests apply. APIs whose id, if any, comes only with the result
     * answer {@code false}. By default {@link Capabilities#resumable()}: a job that can be resumed has an id first.
     *
     * @return whether job ids are reported before the images
     */
    protected boolean jobIdsBeforeResult() {
        return factory().capabilities().resumable();
    }

    /**
     * For providers with jobs: arranges for the next submission to be held by the stub until the kit releases it,
     * then answered with {@link HeldSubmission#jobId()}, after which the job never finishes; and for a cancel request
     * for the job to be reported with {@link HeldSubmission#cancelled(String)}. {@code settings} is a mutable copy
     * of {@link #settings()}. With {@link StubServer}:
     *
     * <pre>{@code
     * stub.on("POST", "/v1/jobs", r -> StubServer.Response.json(200, "{\"id\":\"" + held.awaitRelease() + "\"}"));
     * stub.on("GET", "/v1/jobs/*", r -> StubServer.Response.json(200, "{\"status\":\"running\"}"));
     * stub.on("DELETE", "/v1/jobs/*", r -> {
     *     held.cancelled(r.pathSegment(2));
     *     return StubServer.Response.json(200, "{}");
     * });
     * return true;
     * }</pre>
     *
     * Returns whether it did; the default returns {@code false}, and the tests of job cancellation and of job ids
     * that arrive after the caller gave up are skipped.
     *
     * @param settings a mutable copy of {@link #settings()} the client is built with
     * @param held the kit's handle on the submission, to wire the stub to
     * @return whether the submission is held
     */
    protected boolean holdSubmission(Map<String, String> settings, HeldSubmission held) {
        return false;
    }

    /**
     * What the provider's API received so far in this test, one entry per generation request in arrival order, as
     * the test's stub saw it: the text naming the model version, the reference images and the set's maximum (see
     * {@link ReceivedRequest}). With WireMock and the toolkit's {@code Json}:
     *
     * <pre>{@code
     * return Optional.of(server.findAll(postRequestedFor(urlPathEqualTo("/v1/images"))).stream().map(r -> {
     *     JsonNode body = Json.mapper().readTree(r.getBodyAsString());
     *     List<String> images = new ArrayList<>();
     *     body.path("images").forEach(image -> images.add(image.asString()));
     *     JsonNode max = body.path("max_images");
     *     return new ReceivedRequest(body.path("model").asString(), images, max.isNumber() ? max.asInt() : null);
     * }).toList());
     * }</pre>
     *
     * The checks of reference images, sequential sets and model versions read it after each generation and expect
     * the newest entry to hold what they asked for: every reference image in order, a URL as that URL and an image
     * held as bytes as a {@code data:} URI of those bytes; the set's maximum; the provider's id for the version.
     * The default returns {@link Optional#empty()}: those checks then check the results only, and cannot see a
     * provider that drops or reorders images, or sends another version.
     *
     * @return the requests received, oldest first, or empty when the test cannot see them
     */
    protected Optional<List<ReceivedRequest>> receivedRequests() {
        return Optional.empty();
    }

    /**
     * Arranges for the next sequential set to come back with exactly {@code images} images of {@code resolution},
     * whatever the set's maximum: {@link #expectGeneration(Resolution)} for a set. Returns whether it did; the
     * default returns {@code false}, and the check of sets then arranges with {@link #expectGeneration(Resolution)}
     * and accepts 1 to the maximum, while the check that a smaller set is a success is skipped.
     *
     * @param resolution the pixels of the set's images
     * @param images how many images the set comes back with, from 1
     * @return whether the set is arranged
     */
    protected boolean expectSet(Resolution resolution, int images) {
        return false;
    }

    /**
     * How many times the deadline test runs in a row: the system property {@value #DEADLINE_RUNS_PROPERTY}, by
     * default {@value #DEFAULT_DEADLINE_RUNS}.
     *
     * @return the number of runs, at least 1
     * @throws IllegalArgumentException if the property is not a whole number from 1
     */
    protected int deadlineRuns() {
        String value = System.getProperty(DEADLINE_RUNS_PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT_DEADLINE_RUNS;
        }
        try {
            int runs = Integer.parseInt(value.strip());
            if (runs >= 1) {
                return runs;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new IllegalArgumentException("system property " + DEADLINE_RUNS_PROPERTY + " is a whole number of "
                + "runs from 1, not '" + value + "'");
    }

    /**
     * The jar or classes directory holding the provider's module descriptor. By default where the factory class
     * was loaded from, which in the provider's own build is {@code target/classes}.
     *
     * @return the jar or directory
     */
    protected Path moduleLocation() {
        return ModuleDescriptors.locationOf(factory().getClass());
    }

    /**
     * A cheap size the provider supports, used by tests that are not about sizes. By default 1024x1024 when exact
     * sizes allow it, else the smallest valid exact size, else the smallest declared tier.
     *
     * @return the size
     */
    protected ImageSize sampleSize() {
        Capabilities c = factory().capabilities();
        if (c.exactSizes()) {
            SizeEdges edges = new SizeEdges(c);
            if (c.minSide() <= 1024 && c.maxSide() >= 1024) {
                return ImageSize.exact(1024, 1024);
            }
            List<Resolution> inside = edges.inside();
            if (!inside.isEmpty()) {
                return new ImageSize.Exact(inside.get(0));
            }
        }
        SizeTier tier = c.tiers().stream().sorted().findFirst()
                .orElseThrow(() -> new AssertionError("provider " + providerId() + " declares no size it can make"));
        AspectRatio ratio = c.ratios().contains(AspectRatio.RATIO_1_1) ? AspectRatio.RATIO_1_1
                : c.ratios().iterator().next();
        return ImageSize.tiered(tier, ratio);
    }

    /**
     * A cheap size that {@code model} and the provider both take, used by the checks of reference images, sets and
     * model versions. By default {@link #sampleSize()} where the version takes it, else the version's smallest tier
     * at 1:1: as a native tier where the provider declares it, else as that tier's exact pixels.
     *
     * @param model a version the provider serves
     * @return the size
     */
    protected ImageSize sampleSize(SeedreamModel model) {
        Capabilities c = configuredCapabilities();
        ImageSize sample = sampleSize();
        if (fits(sample, model, c)) {
            return sample;
        }
        List<SizeTier> tiers = model.tiers().stream().sorted().collect(Collectors.toList());
        for (SizeTier tier : tiers) {
            for (AspectRatio ratio : AspectRatio.SEEDREAM_RATIOS) {
                ImageSize tiered = ImageSize.tiered(tier, ratio);
                if (c.tiers().contains(tier) && c.ratios().contains(ratio) && fits(tiered, model, c)) {
                    return tiered;
                }
            }
        }
        for (SizeTier tier : tiers) {
            ImageSize exact = new ImageSize.Exact(model.resolve(tier, AspectRatio.RATIO_1_1));
            if (fits(exact, model, c)) {
                return exact;
            }
        }
        throw new AssertionError("provider " + providerId() + " serves Seedream " + model + " but declares no size it "
                + "can make: override sampleSize(SeedreamModel)");
    }

    private static boolean fits(ImageSize size, SeedreamModel model, Capabilities c) {
        Resolution r;
        if (size instanceof ImageSize.Tiered t) {
            if (!model.tiers().contains(t.tier())) {
                return false;
            }
            r = model.resolve(t.tier(), t.ratio());
            if (!(c.tiers().contains(t.tier()) && c.ratios().contains(t.ratio())) && !within(r, c)) {
                return false;
            }
        } else {
            r = size.resolution();
            if (!within(r, c)) {
                return false;
            }
        }
        try {
            model.check(r);
            return true;
        } catch (InvalidRequestException e) {
            return false;
        }
    }

    private static boolean within(Resolution r, Capabilities c) {
        return c.exactSizes() && r.width() >= c.minSide() && r.height() >= c.minSide() && r.width() <= c.maxSide()
                && r.height() <= c.maxSide();
    }

    /** The pixels {@code size} comes back at with {@code model}: a tier from the version's own table. */
    private static Resolution resolution(ImageSize size, SeedreamModel model) {
        return size instanceof ImageSize.Tiered t ? model.resolve(t.tier(), t.ratio()) : size.resolution();
    }

    /**
     * The value the kit gives every secret setting; stubs may echo it back to check that it is scrubbed.
     *
     * @return the canary
     */
    protected final String canary() {
        return canary;
    }

    /**
     * The provider's factory as {@link ServiceLoader} finds it on the test class path.
     *
     * @return the factory
     */
    protected final ImageProviderFactory factory() {
        if (factory == null) {
            factory = ProviderCatalog.discover(loader()).find(providerId()).orElseThrow(() -> new AssertionError(
                    "ServiceLoader finds no provider '" + providerId() + "' on the test class path; list the factory "
                            + "class in META-INF/services/" + ImageProviderFactory.class.getName()));
        }
        return factory;
    }

    /**
     * A client for the provider with {@code settings} (secret settings replaced by the canary), system properties
     * and environment hidden, and the given adjustments. Closed after the test.
     *
     * @param settings the provider's settings
     * @param adjust changes to the builder before it builds
     * @return the client
     */
    protected final SeedreamClient client(Map<String, String> settings, UnaryOperator<SeedreamClient.Builder> adjust) {
        SeedreamClient.Builder b = SeedreamClient.builder().provider(providerId()).settings(withCanary(settings))
                .classLoader(loader()).systemProperties(k -> null).environment(k -> null);
        SeedreamClient client = adjust.apply(b).build();
        clients.add(client);
        return client;
    }

    /**
     * As {@link #client}, but with the factory injected through an observer that sees every call the client hands
     * the provider.
     */
    private SeedreamClient observedClient(ObservedFactory observed, Map<String, String> settings,
            UnaryOperator<SeedreamClient.Builder> adjust) {
        SeedreamClient.Builder b = SeedreamClient.builder().provider(observed).settings(withCanary(settings))
                .classLoader(loader()).systemProperties(k -> null).environment(k -> null);
        SeedreamClient client = adjust.apply(b).build();
        clients.add(client);
        return client;
    }

    /** Turns core's event log down to errors while the kit runs: the warnings it logs are the kit's own doing. */
    @BeforeAll
    public static void quietCoreEvents() {
        eventsLevel = CORE_EVENTS.getLevel();
        CORE_EVENTS.setLevel(Level.SEVERE);
    }

    /** Restores core's event log. */
    @AfterAll
    public static void restoreCoreEvents() {
        CORE_EVENTS.setLevel(eventsLevel);
    }

    /** Closes every client the test built. */
    @AfterEach
    public void closeClients() {
        for (SeedreamClient c : clients) {
            c.close();
        }
        clients.clear();
    }

    // ------------------------------------------------------------------------------------------- discovery

    /** ServiceLoader finds exactly one factory with the id on the class path, and it loads without problems. */
    @Test
    public void discovery_findsTheFactoryWithServiceLoader() {
        List<String> ids = new ArrayList<>();
        Iterator<ImageProviderFactory> it = ServiceLoader.load(ImageProviderFactory.class, loader()).iterator();
        while (it.hasNext()) {
            ids.add(it.next().id());
        }
        assertThat(ids).as("ids of the providers ServiceLoader finds").containsOnlyOnce(providerId());
        ProviderCatalog catalog = ProviderCatalog.discover(loader());
        assertThat(catalog.problems()).as("discovery problems").noneMatch(p -> p.contains(
                factory().getClass().getName()) || p.contains("'" + providerId() + "'"));
    }

    /** The module descriptor provides the factory, so the module path finds it too. */
    @Test
    public void discovery_moduleDescriptorProvidesTheFactory() {
        ModuleDescriptors.assertProvidesFactory(moduleLocation(), factory().getClass().getName());
    }

    /**
     * The id is well formed, equals {@link #providerId()}, and every new factory instance says the same.
     *
     * @throws ReflectiveOperationException if the factory's class cannot be inspected
     */
    @Test
    public void id_isStableAndWellFormed() throws ReflectiveOperationException {
        ImageProviderFactory f = factory();
        assertThat(f.id()).isEqualTo(providerId()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
        ImageProviderFactory again = f.getClass().getConstructor().newInstance();
        assertThat(again.id()).isEqualTo(f.id());
        assertThat(again.description()).isEqualTo(f.description());
        assertThat(f.description()).as("description").isNotBlank().doesNotContain("\n");
        List<String> names = f.settings().stream().map(SettingKey::name).collect(Collectors.toList());
        assertThat(names).as("setting names").doesNotHaveDuplicates();
        assertThat(settings().keySet()).as("settings the test gives must be declared by the provider")
                .isSubsetOf(names);
    }

    /**
     * Capabilities are stable, and the client validates against what the factory says for its settings.
     *
     * @throws ReflectiveOperationException if the factory's class cannot be inspected
     */
    @Test
    public void capabilities_matchWhatTheClientUses() throws ReflectiveOperationException {
        ImageProviderFactory f = factory();
        assertThat(f.getClass().getConstructor().newInstance().capabilities()).isEqualTo(f.capabilities());
        Capabilities configured = f.capabilities(ProviderSettings.of(providerId(), withCanary(settings()),
                k -> null, k -> null));
        assertThat(client(settings(), b -> b).capabilities()).isEqualTo(configured);
    }

    // ------------------------------------------------------------------------------------------------ sizes

    /**
     * Exact sizes at both ends of the declared range (narrowed by the model's limits) come back at those pixels.
     *
     * @return one test per case
     */
    @TestFactory
    public Stream<DynamicTest> exactSizes_areMadeAtTheEdgesOfTheDeclaredRange() {
        Capabilities c = factory().capabilities();
        if (!c.exactSizes()) {
            return skipped("provider " + providerId() + " takes no exact sizes");
        }
        List<Resolution> inside = new SizeEdges(c).inside();
        assertThat(inside).as("sizes the model allows within the declared exact range %d..%d", c.minSide(),
                c.maxSide()).isNotEmpty();
        SeedreamClient client = client(settings(), b -> b);
        return inside.stream().map(size -> DynamicTest.dynamicTest(size.toString(), () -> {
            GenerationResult result = generate(client, request().withSize(new ImageSize.Exact(size)));
            checkResult(result, size, 1);
        }));
    }

    /**
     * A size one pixel outside the declared range is refused by core before anything is sent.
     *
     * @return one test per case
     */
    @TestFactory
    public Stream<DynamicTest> exactSizes_areRefusedJustOutsideTheDeclaredRange() {
        Capabilities c = factory().capabilities();
        if (!c.exactSizes()) {
            return skipped("provider " + providerId() + " takes no exact sizes");
        }
        SizeEdges edges = new SizeEdges(c);
        List<Resolution> outside = edges.outside();
        if (outside.isEmpty()) {
            return skipped(edges.whyNothingOutside());
        }
        SeedreamClient client = client(settings(), b -> b);
        return outside.stream().map(size -> DynamicTest.dynamicTest(size.toString(), () -> {
            GenerationRequest r = request().withSize(new ImageSize.Exact(size));
            assertThatThrownBy(() -> client.generateAsync(r)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining(size.toString());
        }));
    }

    /**
     * Every declared tier at every declared ratio comes back at the pixels {@link SizeTable} gives.
     *
     * @return one test per case
     */
    @TestFactory
    public Stream<DynamicTest> tiers_comeBackAtTheSizeTablePixels() {
        Capabilities c = factory().capabilities();
        if (c.tiers().isEmpty()) {
            return skipped("provider " + providerId() + " declares no native tiers");
        }
        SeedreamClient client = client(settings(), b -> b);
        List<DynamicTest> tests = new ArrayList<>();
        SeedreamModel model = c.defaultModel().model();
        for (SizeTier tier : c.tiers().stream().filter(model.tiers()::contains).sorted().collect(Collectors.toList())) {
            for (AspectRatio ratio : AspectRatio.SEEDREAM_RATIOS) {
                if (!c.ratios().contains(ratio)) {
                    continue;
                }
                Resolution expected = model.resolve(tier, ratio);
                tests.add(DynamicTest.dynamicTest(tier + " " + ratio + " = " + expected, () -> {
                    GenerationResult result = generate(client, request().withSize(ImageSize.tiered(tier, ratio)));
                    checkResult(result, expected, 1);
                }));
            }
        }
        assertThat(tests).as("declared tiers %s at a Seedream ratio among the declared ratios %s", c.tiers(),
                c.ratios()).isNotEmpty();
        return tests.stream();
    }

    // ---------------------------------------------------------------------------------------------- options

    /**
     * Each optional feature is honoured when declared (no warning, no refusal) and, when not declared, refused under
     * {@link UnsupportedOptionPolicy#REFUSE} and reported as a warning under {@link UnsupportedOptionPolicy#WARN};
     * never silently dropped.
     *
     * @return one test per case
     */
    @TestFactory
    public Stream<DynamicTest> options_areHonouredOrRefusedOrWarned() {
        Capabilities c = factory().capabilities();
        SeedreamClient refuse = client(settings(), b -> b.unsupportedOptions(UnsupportedOptionPolicy.REFUSE));
        SeedreamClient warn = client(settings(), b -> b.unsupportedOptions(UnsupportedOptionPolicy.WARN));
        Map<String, Boolean> declared = new LinkedHashMap<>();
        Map<String, GenerationRequest> requests = new LinkedHashMap<>();
        declared.put("negative prompt", c.negativePrompt());
        requests.put("negative prompt", request().withNegativePrompt("blurry, watermark"));
        declared.put("seed", c.seed());
        requests.put("seed", request().withSeed(Seed.of(20_250_101)));
        declared.put("safety checker", c.safetyToggle());
        requests.put("safety checker", request().withSafetyChecker(false));
        declared.put("prompt enhancement", c.promptEnhancement());
        requests.put("prompt enhancement", request().withEnhancePrompt(true));
        declared.put("undeclared extra", c.extras().contains(UNDECLARED_EXTRA));
        requests.put("undeclared extra", request().toBuilder().extra(UNDECLARED_EXTRA, "on").build());
        return declared.entrySet().stream().map(e -> {
            GenerationRequest r = requests.get(e.getKey());
            if (e.getValue()) {
                return DynamicTest.dynamicTest(e.getKey() + " is declared and honoured", () -> {
                    GenerationResult result = generate(refuse, r);
                    checkResult(result, r.size().resolution(), 1);
                    assertThat(result.warnings()).extracting(Warning::code)
                            .doesNotContain(Warning.UNSUPPORTED_OPTION);
                });
            }
            return DynamicTest.dynamicTest(e.getKey() + " is undeclared: refused or warned", () -> {
                assertThatThrownBy(() -> refuse.generateAsync(r)).isInstanceOf(UnsupportedOptionException.class);
                GenerationResult result = generate(warn, r);
                checkResult(result, r.size().resolution(), 1);
                assertThat(result.warnings()).extracting(Warning::code).contains(Warning.UNSUPPORTED_OPTION);
            });
        });
    }

    // ---------------------------------------------------------------------------------------------- results

    /**
     * A request for two images gives two decodable images at the exact pixels, a media type matching the bytes,
     * seeds when seeds are taken, and a cost that is non-negative and labelled reported or estimated.
     */
    @Test
    public void generate_keepsCorePromises() {
        GenerationRequest r = request().withCount(2);
        GenerationResult result = generate(client(settings(), b -> b), r);

        checkResult(result, r.size().resolution(), 2);
        assertThat(result.request()).isEqualTo(r);
        Capabilities c = factory().capabilities(ProviderSettings.of(providerId(), withCanary(settings()),
                k -> null, k -> null));
        if (result.charge().isEstimated()) {
            assertThat(result.charge().cost()).as("an estimated charge comes from the provider's price model")
                    .isEqualTo(c.pricing().estimate(r.size().resolution(), 2));
        }
    }

    /** With seeds, the seed given is the seed reported; a deterministic provider makes the same image again. */
    @Test
    public void seed_isReportedAndReproducesTheImage() {
        Capabilities c = factory().capabilities();
        Assumptions.assumeTrue(c.seed(), "provider " + providerId() + " takes no seed");
        SeedreamClient client = client(settings(), b -> b);
        GenerationRequest r = request().withSeed(Seed.of(424_242)).withCount(2);

        GenerationResult first = generate(client, r);

        assertThat(first.images()).extracting(GeneratedImage::seed)
                .containsExactly(Optional.of(Seed.of(424_242)), Optional.of(Seed.of(424_243)));
        if (deterministic()) {
            GenerationResult second = generate(client, r);
            for (int i = 0; i < 2; i++) {
                assertThat(digest(second.images().get(i))).as("SHA-256 of image %d made again with the same seed",
                        i + 1).isEqualTo(digest(first.images().get(i)));
            }
            GenerationResult other = generate(client, r.withSeed(Seed.of(7)).withCount(1));
            assertThat(digest(other.image())).as("SHA-256 of an image made with another seed")
                    .isNotEqualTo(digest(first.image()));
        }
    }

    // ------------------------------------------------------------------------- reference images, sets, models

    /**
     * For each version the provider takes reference images with: one image and three, as bytes, from a file and
     * as URLs, each kind only where the version's offer declares its transport (bytes and files as {@code data:}
     * URIs, URLs as they are), generate one image each. With {@link #receivedRequests()}, the API received every
     * image in order in that transport, and the provider's id for the version. A URL is fetched by nobody on this
     * side: the kit's server that holds the images sees no request.
     *
     * @return one test per case
     */
    @TestFactory
    public Stream<DynamicTest> referenceImages_reachTheProviderInOrder() {
        Capabilities c = configuredCapabilities();
        List<ModelOffer> offers = c.models().stream().filter(ModelOffer::takesImages).collect(Collectors.toList());
        if (offers.isEmpty()) {
            return skipped("provider " + providerId() + " takes reference images with none of the models it serves ("
                    + labels(c) + ")");
        }
        ObservedFactory observed = new ObservedFactory(factory());
        SeedreamClient client = observedClient(observed, settings(), b -> b.timeout(BOUND));
        List<DynamicTest> tests = new ArrayList<>();
        for (ModelOffer offer : offers) {
            for (List<Source> sources : referenceCases(offer)) {
                tests.add(DynamicTest.dynamicTest(offer.model() + ": " + describe(sources),
                        () -> checkReferences(client, observed, offer, sources)));
            }
        }
        return tests.stream();
    }

    /**
     * For each version the provider takes reference images with, one image more than its offer takes (the version's
     * limit, or the provider's own lower one, {@link ModelOffer#maxReferenceImages()}) is refused with
     * {@link InvalidRequestException} before anything reaches the provider.
     *
     * @return one test per case
     */
    @TestFactory
    public Stream<DynamicTest> referenceImages_overTheModelsLimit_areRefusedOffline() {
        Capabilities c = configuredCapabilities();
        List<ModelOffer> offers = c.models().stream().filter(ModelOffer::takesImages).collect(Collectors.toList());
        if (offers.isEmpty()) {
            return skipped("provider " + providerId() + " takes reference images with none of the models it serves ("
                    + labels(c) + ")");
        }
        ObservedFactory observed = new ObservedFactory(factory());
        SeedreamClient client = observedClient(observed, settings(), b -> b.timeout(BOUND));
        return offers.stream().map(offer -> {
            int limit = offer.maxReferenceImages();
            Source source = offer.imageInputs().contains(ImageTransport.DATA_URI) ? Source.BYTES : Source.URL;
            return DynamicTest.dynamicTest(offer.model() + ": " + (limit + 1) + " reference images as "
                    + source.label + ", " + limit + " allowed", () -> {
                        int calls = observed.calls();
                        Throwable t = catchThrowable(() -> {
                            List<ReferenceImage> images = new ArrayList<>();
                            for (int i = 0; i <= limit; i++) {
                                images.add(reference(i, source));
                            }
                            client.generate(request().toBuilder().model(offer.model())
                                    .size(sampleSize(offer.model())).images(images).build());
                        });

                        assertThat(t).as("what a request with %d reference images for Seedream %s throws", limit + 1,
                                offer.model()).isInstanceOf(InvalidRequestException.class)
                                .hasMessageContaining((limit + 1) + " reference images");
                        assertThat(observed.calls()).as("calls the provider received for a request over the limit")
                                .isEqualTo(calls);
                        checkUrlsNotFetched();
                    });
        });
    }

    /**
     * For each version the provider makes sequential sets with, a set of up to {@value #SET_SIZE} comes back with 1
     * to {@value #SET_SIZE} images (exactly as many as {@link #expectSet(Resolution, int)} arranged), each a
     * decodable image at the pixels asked for; the result's request says it asked for a set, no warning says part
     * of it is missing, and an estimated charge counts the images returned. With {@link #receivedRequests()}, the
     * API received the set's maximum and the provider's id for the version.
     *
     * @return one test per case
     */
    @TestFactory
    public Stream<DynamicTest> sequentialSets_comeBackWithOneToMaxImages() {
        Capabilities c = configuredCapabilities();
        List<ModelOffer> offers = setOffers(c);
        if (offers.isEmpty()) {
            return skipped(noSets(c));
        }
        SeedreamClient client = setClient();
        return offers.stream().map(offer -> DynamicTest.dynamicTest(offer.model() + ": a set of up to " + SET_SIZE,
                () -> {
                    ImageSize size = sampleSize(offer.model());
                    Resolution resolution = resolution(size, offer.model());
                    boolean arranged = expectSet(resolution, SET_SIZE);
                    if (!arranged) {
                        expectGeneration(resolution);
                    }
                    checkSet(client, offer, size, arranged ? SET_SIZE : 0);
                }));
    }

    /**
     * A set that comes back with fewer images than its maximum (one, and one less than the maximum, as
     * {@link #expectSet(Resolution, int)} arranges) is a success holding those images, without a warning; an
     * estimated charge counts only them.
     *
     * @return one test per case
     */
    @TestFactory
    public Stream<DynamicTest> sequentialSets_smallerThanTheirMaximum_areASuccess() {
        Capabilities c = configuredCapabilities();
        List<ModelOffer> offers = setOffers(c);
        if (offers.isEmpty()) {
            return skipped(noSets(c));
        }
        ModelOffer first = offers.get(0);
        if (!expectSet(resolution(sampleSize(first.model()), first.model()), 1)) {
            return skipped("expectSet(...) is not implemented for " + providerId() + ", so no set can be made to "
                    + "come back smaller than its maximum");
        }
        SeedreamClient client = setClient();
        List<DynamicTest> tests = new ArrayList<>();
        for (ModelOffer offer : offers) {
            for (int returned : new int[] {1, SET_SIZE - 1}) {
                tests.add(DynamicTest.dynamicTest(offer.model() + ": " + returned + " of up to " + SET_SIZE, () -> {
                    ImageSize size = sampleSize(offer.model());
                    assertThat(expectSet(resolution(size, offer.model()), returned)).as("expectSet(...)").isTrue();
                    checkSet(client, offer, size, returned);
                }));
            }
        }
        return tests.stream();
    }

    /**
     * Every version the provider declares can be asked for by its {@link SeedreamModel} and generates; the client
     * hands the provider that version's offer, and with {@link #receivedRequests()} the provider's id for it is
     * what names the model on the wire (and no longer id of another version is).
     *
     * @return one test per case
     */
    @TestFactory
    public Stream<DynamicTest> models_eachDeclaredModelIsServedUnderItsOwnId() {
        Capabilities c = configuredCapabilities();
        ObservedFactory observed = new ObservedFactory(factory());
        SeedreamClient client = observedClient(observed, settings(), b -> b.timeout(BOUND));
        return c.models().stream().map(offer -> DynamicTest.dynamicTest("Seedream " + offer.model()
                + (offer.providerModelId() == null ? " (no id of its own)" : " as " + offer.providerModelId()), () -> {
                    ImageSize size = sampleSize(offer.model());
                    Resolution resolution = resolution(size, offer.model());
                    int before = receivedCount();
                    GenerationResult result = generate(client, request().toBuilder().model(offer.model()).size(size)
                            .build(), resolution);

                    checkResult(result, resolution, 1);
                    assertThat(last(observed.received()).model()).as("the model offer the client handed the "
                            + "provider").isEqualTo(offer);
                    latestReceived(before).ifPresent(sent -> checkModelId(sent, offer, c));
                }));
    }

    /** A version the provider does not declare is refused before anything is sent, naming the versions it serves. */
    @Test
    public void models_anUndeclaredModelIsRefusedOffline() {
        Capabilities c = configuredCapabilities();
        Set<SeedreamModel> served = c.models().stream().map(ModelOffer::model)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Optional<SeedreamModel> other = Arrays.stream(SeedreamModel.values()).filter(m -> !served.contains(m))
                .findFirst();
        Assumptions.assumeTrue(other.isPresent(), "provider " + providerId() + " serves every Seedream version ("
                + labels(c) + "), so none is left to refuse");
        ObservedFactory observed = new ObservedFactory(factory());
        SeedreamClient client = observedClient(observed, settings(), b -> b.timeout(BOUND));

        Throwable t = catchThrowable(() -> client.generate(request().toBuilder().model(other.get()).build()));

        assertThat(t).as("what a request for Seedream %s throws", other.get())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Seedream " + other.get().label());
        for (SeedreamModel m : served) {
            assertThat(t.getMessage()).as("the refusal names the versions served").contains(m.label());
        }
        assertThat(observed.calls()).as("calls the provider received for a version it does not serve").isZero();
    }

    // ----------------------------------------------------------------------------------------------- errors

    /** A failure at the provider reaches the caller as a {@link SeedreamException} naming the provider. */
    @Test
    public void failure_isASeedreamExceptionWithoutSecrets() {
        Map<String, String> s = new LinkedHashMap<>(settings());
        Assumptions.assumeTrue(provokeFailure(s), "provokeFailure(...) is not implemented for " + providerId());
        SeedreamClient client = client(s, b -> b.timeout(BOUND));

        Throwable t = catchThrowable(() -> client.generate(request()));

        assertThat(t).as("what a provider failure throws").isInstanceOf(SeedreamException.class);
        assertThat(t.getMessage()).as("core wraps exceptions outside the family as a provider bug")
                .doesNotStartWith("provider " + providerId() + " failed unexpectedly with ");
        assertThat(((SeedreamException) t).providerId()).as("the provider named by the exception")
                .contains(providerId());
        checkNoCanary(t);
    }

    /**
     * Cancelling the future of a slow generation cancels it at once and reports it cancelled. A provider with jobs
     * ({@link #jobIdsBeforeResult()}) is cancelled after it reported its job id; one without as soon as it has the
     * call.
     *
     * @throws InterruptedException if the test thread is interrupted while it waits
     */
    @Test
    public void cancel_endsASlowGenerationPromptly() throws InterruptedException {
        Map<String, String> s = new LinkedHashMap<>(settings());
        Assumptions.assumeTrue(makeSlow(s), "makeSlow(...) is not implemented for " + providerId());
        CountDownLatch submitted = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        List<GenerationEvent> events = new CopyOnWriteArrayList<>();
        ObservedFactory observed = new ObservedFactory(factory());
        SeedreamClient client = observedClient(observed, s, b -> b.timeout(BOUND).listener(e -> {
            events.add(e);
            if (e instanceof GenerationEvent.Submitted) {
                submitted.countDown();
            } else if (e instanceof GenerationEvent.Cancelled) {
                cancelled.countDown();
            }
        }));
        CompletableFuture<GenerationResult> future = client.generateAsync(request());
        assertThat(observed.awaitCall(BOUND)).as("the provider received the call").isTrue();
        if (jobIdsBeforeResult()) {
            assertThat(submitted.await(BOUND.toSeconds(), TimeUnit.SECONDS)).as("a job id reported with "
                    + "progress().submitted(..) while the generation is slow (jobIdsBeforeResult() is true for "
                    + providerId() + ")").isTrue();
        }

        assertThat(future.cancel(true)).as("cancel(true) on a running generation").isTrue();

        assertThat(future).isCancelled();
        assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
        assertThat(cancelled.await(BOUND.toSeconds(), TimeUnit.SECONDS)).as("a Cancelled event").isTrue();
        assertThat(events).noneMatch(e -> e instanceof GenerationEvent.Completed);
    }

    /**
     * Interrupting a thread blocked in {@link SeedreamClient#generate} cancels the generation: the thread gets
     * {@link GenerationCancelledException} at once and keeps its interrupt status.
     *
     * @throws InterruptedException if the test thread is interrupted while it waits
     */
    @Test
    public void interrupt_cancelsABlockedGenerate() throws InterruptedException {
        Map<String, String> s = new LinkedHashMap<>(settings());
        Assumptions.assumeTrue(makeSlow(s), "makeSlow(...) is not implemented for " + providerId());
        CountDownLatch cancelled = new CountDownLatch(1);
        ObservedFactory observed = new ObservedFactory(factory());
        SeedreamClient client = observedClient(observed, s, b -> b.timeout(BOUND).listener(e -> {
            if (e instanceof GenerationEvent.Cancelled) {
                cancelled.countDown();
            }
        }));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            thrown.set(catchThrowable(() -> client.generate(request())));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        }, "tck-blocked-caller");
        caller.setDaemon(true);
        caller.start();
        assertThat(observed.awaitCall(BOUND)).as("the provider received the call").isTrue();

        caller.interrupt();
        caller.join(BOUND.toMillis());

        assertThat(caller.isAlive()).as("the interrupted caller is still blocked in generate()").isFalse();
        assertThat(thrown.get()).as("what an interrupted generate() throws")
                .isInstanceOf(GenerationCancelledException.class);
        assertThat(stillInterrupted).as("the caller's interrupt status after generate() returned").isTrue();
        assertThat(cancelled.await(BOUND.toSeconds(), TimeUnit.SECONDS)).as("a Cancelled event").isTrue();
    }

    /**
     * A thread that is already interrupted when it calls {@link SeedreamClient#generate} sends nothing: the
     * provider never receives the call, and the thread keeps its interrupt status.
     */
    @Test
    public void interruptedCaller_submitsNothing() {
        ObservedFactory observed = new ObservedFactory(factory());
        List<GenerationEvent> events = new CopyOnWriteArrayList<>();
        SeedreamClient client = observedClient(observed, settings(), b -> b.timeout(BOUND).listener(events::add));
        GenerationRequest r = request();
        expectGeneration(r.size().resolution());
        Throwable thrown;
        boolean stillInterrupted;
        Thread.currentThread().interrupt();
        try {
            thrown = catchThrowable(() -> client.generate(r));
        } finally {
            stillInterrupted = Thread.interrupted();
        }

        assertThat(thrown).as("what generate() throws on an interrupted thread")
                .isInstanceOf(GenerationCancelledException.class);
        assertThat(stillInterrupted).as("the caller's interrupt status after generate() returned").isTrue();
        assertThat(observed.calls()).as("calls the provider received from an interrupted caller").isZero();
        assertThat(events).noneMatch(e -> e instanceof GenerationEvent.Submitted);
    }

    /**
     * A slow generation fails with {@link GenerationTimeoutException} when the client's one-second timeout passes,
     * every time: the client decides the outcome once the deadline passed, whatever the provider's own timeouts
     * do meanwhile. Runs {@link #deadlineRuns()} times in a row.
     *
     * @return one test per case
     */
    @TestFactory
    public Stream<DynamicTest> deadline_alwaysEndsInGenerationTimeoutException() {
        Map<String, String> s = new LinkedHashMap<>(settings());
        if (!makeSlow(s)) {
            return skipped("makeSlow(...) is not implemented for " + providerId());
        }
        int runs = deadlineRuns();
        SeedreamClient client = client(s, b -> b.timeout(DEADLINE));
        return IntStream.rangeClosed(1, runs).mapToObj(i -> DynamicTest.dynamicTest("run " + i + " of " + runs, () -> {
            Throwable t = catchThrowable(() -> client.generate(request()));

            assertThat(t).as("what a generation past its deadline throws").isInstanceOf(
                    GenerationTimeoutException.class);
            assertThat(((SeedreamException) t).providerId()).contains(providerId());
            checkNoCanary(t);
        }));
    }

    /**
     * Cancelling a generation whose job id is known cancels the job at the provider.
     *
     * @throws InterruptedException if the test thread is interrupted while it waits
     */
    @Test
    public void cancel_cancelsTheProvidersJob() throws InterruptedException {
        HeldSubmission held = new HeldSubmission("tck-job-" + UUID.randomUUID());
        Map<String, String> s = heldSubmission(held);
        SeedreamClient client = client(s, b -> b.timeout(BOUND));
        GenerationHandle handle = client.submit(request());
        assertThat(held.awaitArrival(BOUND)).as("the submission reached the stub").isTrue();
        held.release();
        awaitJobId(handle, held, "a job id reported with progress().submitted(..) once the submission was answered");

        assertThat(handle.cancel()).as("cancel() on a running generation").isTrue();

        assertThat(held.awaitCancel(CANCEL_BOUND)).as("a cancel request for job %s at the provider after the caller "
                + "cancelled (cancelled so far: %s)", held.jobId(), held.cancelledJobIds()).isTrue();
    }

    /**
     * A job id that arrives after the caller cancelled is still reported and is cancelled on arrival: the
     * provider reads the late answer to its submission, reports the job id, and cancels the job (an
     * {@code onCancel} action registered after cancellation runs at once).
     *
     * @throws InterruptedException if the test thread is interrupted while it waits
     */
    @Test
    public void lateJobId_isCancelledOnArrivalAfterCancel() throws InterruptedException {
        HeldSubmission held = new HeldSubmission("tck-late-job-" + UUID.randomUUID());
        Map<String, String> s = heldSubmission(held);
        SeedreamClient client = client(s, b -> b.timeout(BOUND));
        GenerationHandle handle = client.submit(request());
        assertThat(held.awaitArrival(BOUND)).as("the submission reached the stub").isTrue();

        assertThat(handle.cancel()).as("cancel() while the submission is unanswered").isTrue();
        assertThatThrownBy(handle::await).isInstanceOf(GenerationCancelledException.class);
        held.release();

        checkLateJobCancelled(handle, held);
    }

    /**
     * A job id that arrives after the deadline passed is still reported and is cancelled on arrival, and the
     * {@link GenerationTimeoutException} says the request may have been accepted.
     *
     * @throws InterruptedException if the test thread is interrupted while it waits
     */
    @Test
    public void lateJobId_isCancelledOnArrivalAfterTheDeadline() throws InterruptedException {
        HeldSubmission held = new HeldSubmission("tck-late-job-" + UUID.randomUUID());
        Map<String, String> s = heldSubmission(held);
        SeedreamClient client = client(s, b -> b.timeout(DEADLINE));
        GenerationHandle handle = client.submit(request());
        assertThat(held.awaitArrival(BOUND)).as("the submission reached the stub").isTrue();

        Throwable t = catchThrowable(handle::await);
        held.release();

        assertThat(t).as("what a generation past its deadline throws").isInstanceOf(GenerationTimeoutException.class);
        assertThat(((GenerationTimeoutException) t).requestMayHaveBeenAccepted()).as("whether the timeout says the "
                + "unanswered submission may have been accepted").isTrue();
        checkNoCanary(t);
        checkLateJobCancelled(handle, held);
    }

    // ---------------------------------------------------------------------------------------------- threads

    /** Sixteen concurrent generations on one client all succeed with their own images. */
    @Test
    public void concurrentGenerations_allSucceed() {
        SeedreamClient client = client(settings(), b -> b.timeout(BOUND));
        GenerationRequest r = request();
        expectGeneration(r.size().resolution());
        List<CompletableFuture<GenerationResult>> futures = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            futures.add(client.generateAsync(r));
        }

        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).orTimeout(BOUND.toSeconds(),
                TimeUnit.SECONDS).exceptionally(e -> null).join();

        for (CompletableFuture<GenerationResult> f : futures) {
            assertThat(f).as("each of 16 concurrent generations").isCompleted();
            checkResult(f.join(), r.size().resolution(), 1);
        }
    }

    // ----------------------------------------------------------------------------------------------- secrets

    /** No secret setting's value shows up in the client's, the settings', the provider's or a result's text. */
    @Test
    public void toString_neverShowsASecret() {
        Assumptions.assumeFalse(secretSettings().isEmpty(), "provider " + providerId() + " declares no secret "
                + "setting (SettingKey.asSecret()), so there is no secret to leak");
        Map<String, String> s = withCanary(settings());
        SeedreamClient client = client(settings(), b -> b);
        ProviderSettings providerSettings = ProviderSettings.of(providerId(), s, k -> null, k -> null);
        List<String> texts = new ArrayList<>();
        texts.add(client.toString());
        texts.add(providerSettings.toString());
        texts.add(factory().toString());
        texts.add(factory().capabilities(providerSettings).toString());
        try (ImageProvider provider = factory().create(providerSettings)) {
            texts.add(provider.toString());
        }
        texts.add(generate(client, request()).toString());
        for (SettingKey key : factory().settings()) {
            if (secretSettings().contains(key.name())) {
                texts.add(providerSettings.sourceOf(key));
            }
        }
        assertThat(texts).as("texts that must not contain the canary secret").noneMatch(t -> t.contains(canary));
    }

    // -------------------------------------------------------------------------------------------- internals

    /**
     * A plain request at {@link #sampleSize()}.
     *
     * @return the request
     */
    protected GenerationRequest request() {
        return GenerationRequest.builder("a lighthouse on a cliff at dawn, seedream4j compatibility kit")
                .size(sampleSize()).build();
    }

    /**
     * Arranges the images with {@link #expectGeneration(Resolution)}, then generates.
     *
     * @param client the client
     * @param request the request
     * @return the result
     */
    protected final GenerationResult generate(SeedreamClient client, GenerationRequest request) {
        expectGeneration(request.size().resolution());
        return client.generate(request);
    }

    /** What the factory declares with the test's settings: what the client validates against. */
    private Capabilities configuredCapabilities() {
        return factory().capabilities(ProviderSettings.of(providerId(), withCanary(settings()), k -> null, k -> null));
    }

    /** Arranges the images with {@link #expectGeneration(Resolution)} at {@code resolution}, then generates. */
    private GenerationResult generate(SeedreamClient client, GenerationRequest request, Resolution resolution) {
        expectGeneration(resolution);
        return client.generate(request);
    }

    private static String labels(Capabilities c) {
        return c.models().stream().map(o -> o.model().label()).collect(Collectors.joining(", "));
    }

    private String noSets(Capabilities c) {
        boolean anySets = c.models().stream().anyMatch(ModelOffer::sequential);
        return "provider " + providerId() + " makes sequential sets" + (anySets ? " of " + SET_SIZE + " or more" : "")
                + " with none of the models it serves (" + labels(c) + ")";
    }

    /** The offers whose sets the set checks can ask for: sequential, and up to {@value #SET_SIZE} images or more. */
    private static List<ModelOffer> setOffers(Capabilities c) {
        return c.models().stream().filter(o -> o.sequential() && o.maxSetImages() >= SET_SIZE)
                .collect(Collectors.toList());
    }

    /** Where a reference image comes from. */
    private enum Source {
        BYTES("bytes"), FILE("a file"), URL("a URL");

        final String label;

        Source(String label) {
            this.label = label;
        }
    }

    /** One image and three, of each kind the offer takes, and a mix of kinds where it takes both transports. */
    private static List<List<Source>> referenceCases(ModelOffer offer) {
        boolean bytes = offer.imageInputs().contains(ImageTransport.DATA_URI);
        boolean urls = offer.imageInputs().contains(ImageTransport.URL);
        List<List<Source>> cases = new ArrayList<>();
        if (bytes) {
            cases.add(List.of(Source.BYTES));
            cases.add(List.of(Source.FILE, Source.BYTES, Source.FILE));
        }
        if (urls) {
            cases.add(List.of(Source.URL));
            cases.add(List.of(Source.URL, Source.URL, Source.URL));
        }
        if (bytes && urls) {
            cases.add(List.of(Source.BYTES, Source.URL, Source.FILE));
        }
        return cases;
    }

    private static String describe(List<Source> sources) {
        return sources.size() + (sources.size() == 1 ? " reference image as " : " reference images as ")
                + sources.stream().map(s -> s.label).collect(Collectors.joining(", "));
    }

    private void checkReferences(SeedreamClient client, ObservedFactory observed, ModelOffer offer,
            List<Source> sources) throws IOException {
        List<ReferenceImage> images = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            images.add(reference(i, sources.get(i)));
        }
        List<String> expected = images.stream().map(ImageProviderCompatibilityKit::wireForm)
                .collect(Collectors.toList());
        ImageSize size = sampleSize(offer.model());
        Resolution resolution = resolution(size, offer.model());
        int before = receivedCount();

        GenerationResult result = generate(client, request().toBuilder().model(offer.model()).size(size)
                .images(images).build(), resolution);

        checkResult(result, resolution, 1);
        assertThat(describeInputs(last(observed.received()).inputs())).as("the reference images the client handed the "
                + "provider, in order").containsExactlyElementsOf(describeInputs(expected));
        latestReceived(before).ifPresent(sent -> {
            assertThat(describeInputs(sent.images())).as("the reference images the API received for Seedream %s, in "
                    + "order: each URL as that URL, each image held as bytes as a data: URI of those bytes",
                    offer.model()).containsExactlyElementsOf(describeInputs(expected));
            checkModelId(sent, offer, configuredCapabilities());
        });
        checkUrlsNotFetched();
    }

    /**
     * Reference image {@code index} (from 0): a small PNG of a colour of its own, so that a swap shows; held as
     * bytes, read from a file, or served by the kit's own server under a URL.
     */
    private ReferenceImage reference(int index, Source source) throws IOException {
        byte[] png = TestImages.png(64, 48, (0x20 + 13 * index) << 16 | (0xe0 - 11 * index) << 8 | 0x60 + 7 * index);
        switch (source) {
            case BYTES:
                return ReferenceImage.bytes(png);
            case FILE:
                Path file = referenceFiles().resolve("reference-" + (index + 1) + ".png");
                Files.write(file, png);
                return ReferenceImage.file(file);
            default:
                StubServer server = referenceServer();
                server.on("GET", "/references/" + (index + 1) + ".png",
                        r -> StubServer.Response.bytes(200, "image/png", png));
                return ReferenceImage.url(server.baseUrl() + "/references/" + (index + 1) + ".png");
        }
    }

    /** How the client hands a reference image to a provider: a URL as it is, bytes as a {@code data:} URI. */
    private static String wireForm(ReferenceImage image) {
        return image instanceof ReferenceImage.Remote remote ? remote.uri().toString()
                : ((ReferenceImage.Inline) image).dataUri();
    }

    /** Short, comparable forms of images as sent: a URL as it is, a {@code data:} URI as its type and digest. */
    private static List<String> describeInputs(List<String> inputs) {
        return inputs.stream().map(ImageProviderCompatibilityKit::describeInput).collect(Collectors.toList());
    }

    private static String describeInput(String input) {
        if (input == null) {
            return "null";
        }
        if (input.startsWith("data:")) {
            int comma = input.indexOf(',');
            String head = comma < 0 ? input : input.substring(0, comma);
            try {
                byte[] bytes = Base64.getMimeDecoder().decode(input.substring(comma + 1));
                return head + ", " + bytes.length + " bytes, SHA-256 " + sha256(bytes).substring(0, 16);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                return head + ", not Base64";
            }
        }
        return input.length() > 160 ? input.substring(0, 160) + "... (" + input.length() + " characters)" : input;
    }

    private StubServer referenceServer() {
        if (referenceServer == null) {
            referenceServer = StubServer.start();
        }
        return referenceServer;
    }

    private Path referenceFiles() throws IOException {
        if (referenceFiles == null) {
            referenceFiles = Files.createTempDirectory("seedream4j-tck-references");
        }
        return referenceFiles;
    }

    /** Nothing fetched the reference images' URLs: neither the client nor the provider (the API does). */
    private void checkUrlsNotFetched() {
        if (referenceServer != null) {
            assertThat(referenceServer.requests()).as("requests for the reference images' URLs: the client passes a "
                    + "URL on unfetched to a provider that takes URLs, and the provider must too (its API fetches "
                    + "it)").isEmpty();
        }
    }

    /**
     * Stops the kit's server of reference images and deletes their files.
     *
     * @throws IOException if a file cannot be deleted
     */
    @AfterEach
    public void removeReferenceImages() throws IOException {
        if (referenceServer != null) {
            referenceServer.close();
            referenceServer = null;
        }
        if (referenceFiles != null) {
            try (Stream<Path> files = Files.list(referenceFiles)) {
                for (Path f : files.collect(Collectors.toList())) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(referenceFiles);
            referenceFiles = null;
        }
    }

    /** A client that refuses what it cannot send, so a set is never turned into one image with a warning. */
    private SeedreamClient setClient() {
        return client(settings(), b -> b.timeout(BOUND).unsupportedOptions(UnsupportedOptionPolicy.REFUSE));
    }

    /** Generates a set of up to {@value #SET_SIZE} and checks it; {@code exactly} is 0 when any size from 1 will do. */
    private void checkSet(SeedreamClient client, ModelOffer offer, ImageSize size, int exactly) {
        Resolution resolution = resolution(size, offer.model());
        int before = receivedCount();

        GenerationResult result = client.generate(request().toBuilder().model(offer.model()).size(size)
                .maxImages(SET_SIZE).build());

        Capabilities c = configuredCapabilities();
        int n = result.images().size();
        assertThat(result.providerId()).isEqualTo(providerId());
        if (exactly > 0) {
            assertThat(n).as("images of a set of up to %d that came back with %d", SET_SIZE, exactly)
                    .isEqualTo(exactly);
        } else {
            assertThat(n).as("images of a set of up to %d", SET_SIZE).isBetween(1, SET_SIZE);
        }
        for (GeneratedImage image : result.images()) {
            checkImage(image, resolution);
            assertThat(image.seed().isPresent()).as("a seed is reported exactly when the provider takes seeds")
                    .isEqualTo(c.seed());
        }
        assertThat(result.request().maxImages()).as("the set's maximum in the result's request").hasValue(SET_SIZE);
        assertThat(result.warnings()).extracting(Warning::code).as("warnings of a set of %d of up to %d images", n,
                SET_SIZE).doesNotContain(Warning.PARTIAL_RESULT, Warning.SIZE_MISMATCH);
        Charge charge = result.charge();
        assertThat(charge.cost().amount().signum()).as("charge %s", charge).isGreaterThanOrEqualTo(0);
        if (charge.isEstimated()) {
            assertThat(charge.cost()).as("an estimated charge counts the %d images of the set, not its maximum", n)
                    .isEqualTo(c.pricing().estimate(resolution, n));
        }
        latestReceived(before).ifPresent(sent -> {
            assertThat(sent.maxImages()).as("the set's maximum the API received for Seedream %s", offer.model())
                    .isEqualTo(SET_SIZE);
            checkModelId(sent, offer, c);
        });
    }

    private int receivedCount() {
        return receivedRequests().map(List::size).orElse(0);
    }

    /** The newest request the API received, when the test can see them; there must be one since {@code before}. */
    private Optional<ReceivedRequest> latestReceived(int before) {
        return receivedRequests().map(all -> {
            assertThat(all.size()).as("requests the API received (receivedRequests()), %d before this generation",
                    before).isGreaterThan(before);
            return all.get(all.size() - 1);
        });
    }

    /**
     * The provider's id for the version names the model on the wire, and no longer id of another version does
     * ({@code bytedance/seedream-4.5} holds {@code bytedance/seedream-4} too). A version without an id of its own
     * goes to one fixed place, so there is nothing to compare.
     */
    private static void checkModelId(ReceivedRequest sent, ModelOffer offer, Capabilities c) {
        String id = offer.providerModelId();
        if (id == null) {
            return;
        }
        String seen = sent.model();
        assertThat(seen).as("what names the model version on the wire (ReceivedRequest.model()) for Seedream %s, "
                + "whose id is %s", offer.model(), id).isNotNull().contains(id);
        int longest = c.models().stream().map(ModelOffer::providerModelId).filter(o -> o != null && seen.contains(o))
                .mapToInt(String::length).max().orElse(0);
        assertThat(id.length()).as("'%s' names another version's longer id than Seedream %s's %s", seen,
                offer.model(), id).isEqualTo(longest);
    }

    private static ProviderCall last(List<ProviderCall> calls) {
        assertThat(calls).as("calls the provider received").isNotEmpty();
        return calls.get(calls.size() - 1);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A mutable copy of the settings with a held submission arranged, or the test is skipped with the reason. */
    private Map<String, String> heldSubmission(HeldSubmission held) {
        Assumptions.assumeTrue(jobIdsBeforeResult(), "provider " + providerId() + " reports no job id before its "
                + "result (jobIdsBeforeResult() is false), so no job id can arrive after the caller gave up");
        Map<String, String> s = new LinkedHashMap<>(settings());
        Assumptions.assumeTrue(holdSubmission(s, held), "holdSubmission(...) is not implemented for "
                + providerId());
        return s;
    }

    private void checkLateJobCancelled(GenerationHandle handle, HeldSubmission held) throws InterruptedException {
        assertThat(held.awaitCancel(CANCEL_BOUND)).as("a cancel request for job %s, whose id arrived after the "
                + "caller gave up (cancelled so far: %s): read the late answer, report it with "
                + "progress().submitted(id), then register context.onCancel(() -> cancel(id)), which runs at once",
                held.jobId(), held.cancelledJobIds()).isTrue();
        awaitJobId(handle, held, "the late job id reported with progress().submitted(..), so the caller can see it");
    }

    private static void awaitJobId(GenerationHandle handle, HeldSubmission held, String what)
            throws InterruptedException {
        long end = System.nanoTime() + CANCEL_BOUND.toNanos();
        while (!handle.jobIds().contains(held.jobId()) && System.nanoTime() - end < 0) {
            Thread.sleep(10);
        }
        assertThat(handle.jobIds()).as(what).contains(held.jobId());
    }

    /** One test, reported by Surefire as skipped with {@code reason}, for a test factory that does not apply. */
    private static Stream<DynamicTest> skipped(String reason) {
        return Stream.of(DynamicTest.dynamicTest("skipped: " + reason, () -> Assumptions.abort(reason)));
    }

    private void checkResult(GenerationResult result, Resolution expected, int count) {
        Capabilities c = factory().capabilities();
        assertThat(result.providerId()).isEqualTo(providerId());
        assertThat(result.images()).as("images").hasSize(count);
        assertThat(result.warnings()).extracting(Warning::code).as("warnings").doesNotContain(Warning.SIZE_MISMATCH);
        for (GeneratedImage image : result.images()) {
            checkImage(image, expected);
            assertThat(image.seed().isPresent()).as("a seed is reported exactly when the provider takes seeds")
                    .isEqualTo(c.seed());
        }
        Charge charge = result.charge();
        assertThat(charge.basis()).as("charge basis").isNotNull();
        assertThat(charge.cost().amount().signum()).as("charge %s", charge).isGreaterThanOrEqualTo(0);
        assertThat(result.timings().total().isNegative()).as("total time is negative").isFalse();
    }

    private static void checkImage(GeneratedImage image, Resolution expected) {
        byte[] bytes = image.bytes();
        assertThat(image.byteSize()).isEqualTo(bytes.length);
        ImageFormat sniffed = ImageFormat.sniff(bytes, Math.min(bytes.length, ImageFormat.HEADER_BYTES))
                .orElseThrow(() -> new AssertionError("image bytes are not PNG, JPEG or WebP"));
        assertThat(image.format()).isEqualTo(sniffed);
        assertThat(image.mediaType()).isEqualTo(sniffed.mediaType());
        assertThat(image.resolution()).as("pixels in the image header").isEqualTo(expected);
        if (sniffed == ImageFormat.WEBP) {
            return; // javax.imageio has no WebP decoder; the header check above still holds
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            assertThat(readers.hasNext()).as("an ImageIO reader for the image").isTrue();
            ImageReader reader = readers.next();
            try {
                assertThat(Arrays.asList(reader.getOriginatingProvider().getMIMETypes()))
                        .as("media types of the format ImageIO recognises").contains(sniffed.mediaType());
                reader.setInput(in);
                BufferedImage decoded = reader.read(0);
                assertThat(Resolution.of(decoded.getWidth(), decoded.getHeight())).as("decoded pixels")
                        .isEqualTo(expected);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the " + sniffed + " image does not decode: " + e.getMessage(), e);
        }
    }

    /** Compared instead of the bytes, so that a failure prints two short lines rather than two images. */
    private static String digest(GeneratedImage image) {
        return sha256(image.bytes());
    }

    private void checkNoCanary(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            assertThat(String.valueOf(x)).as("exception text").doesNotContain(canary);
            for (Throwable s : x.getSuppressed()) {
                assertThat(String.valueOf(s)).as("suppressed exception text").doesNotContain(canary);
            }
        }
    }

    private Map<String, String> withCanary(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        for (String name : secretSettings()) {
            all.put(name, canary);
        }
        return all;
    }

    private ClassLoader loader() {
        return getClass().getClassLoader();
    }
}
