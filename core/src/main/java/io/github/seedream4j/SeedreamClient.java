package io.github.seedream4j;

import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The one entry point: generates images with whichever Seedream provider is chosen, through one API.
 *
 * <pre>{@code
 * try (SeedreamClient client = SeedreamClient.builder().provider("fake").build()) {
 *     GenerationResult result = client.generate(GenerationRequest.of("a lighthouse at dawn")
 *             .withSize(ImageSize.tiered(SizeTier.TWO_K, AspectRatio.RATIO_16_9)));
 *     result.image().writeTo(Path.of("lighthouse.png"), false);
 * }
 * }</pre>
 *
 * <p>Before anything is sent, every request is validated against the provider's {@link Capabilities}: sizes are
 * checked against the model's and the provider's limits, tiers are turned into exact pixels with
 * {@link SizeTable} where the provider needs pixels, options the provider cannot honour are refused or turned
 * into warnings according to the {@link UnsupportedOptionPolicy}, a seed is chosen when none is given (and
 * reported), and requests for several images fan out within the provider's images-per-call limit.
 *
 * <p>Thread-safe: one client serves concurrent generations. Providers run their blocking work (an HTTP round trip)
 * on at most {@link #MAX_WORKER_THREADS} worker threads per client, however many generations are in flight; more
 * work waits its turn, under each generation's deadline. Close it to release the provider's connections and the
 * client's threads (all daemon threads; idle workers also end on their own).
 */
public final class SeedreamClient implements AutoCloseable {

    /** The default deadline of one generation. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    /** The default cap on one image's size: 128 MiB, well above a 4096 x 4096 PNG. */
    public static final long DEFAULT_MAX_IMAGE_BYTES = 128L * 1024 * 1024;

    /** The most worker threads one client runs provider work on; further work is queued. */
    public static final int MAX_WORKER_THREADS = 32;
    /** The longest deadline a generation may have. */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(7);

    private final ImageProviderFactory factory;
    private final Capabilities capabilities;
    private final UnsupportedOptionPolicy policy;
    private final Planner planner;
    private final CostEstimator estimator;
    private final Engine engine;

    private SeedreamClient(Builder b, ImageProviderFactory factory, ImageProvider provider, Capabilities capabilities) {
        this.factory = factory;
        this.capabilities = capabilities;
        this.policy = b.policy;
        this.planner = new Planner(factory.id(), capabilities, b.policy);
        this.estimator = new CostEstimator(planner, capabilities);
        this.engine = new Engine(factory.id(), provider, capabilities, b.timeout, b.maxImageBytes, b.listeners);
    }

    /** {@return a new builder with the defaults: provider chosen by discovery, WARN policy, default timeout} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client for the provider chosen by the system property {@code seedream.provider}, the environment variable
     * {@code SEEDREAM_PROVIDER}, or being the only one on the class path.
     *
     * @return a new client with the defaults of {@link #builder()}; close it when done
     * @throws ProviderSelectionException if no provider can be chosen
     * @throws ConfigurationException if the provider's settings are missing or malformed
     */
    public static SeedreamClient create() {
        return builder().build();
    }

    /** {@return the id of the provider this client uses, for example {@code runpod}} */
    public String providerId() {
        return factory.id();
    }

    /** {@return what the provider can do, never {@code null}} */
    public Capabilities capabilities() {
        return capabilities;
    }

    /** {@return the policy for options the provider cannot honour, never {@code null}} */
    public UnsupportedOptionPolicy unsupportedOptionPolicy() {
        return policy;
    }

    /**
     * What {@code request} would cost on this provider, from its price model, without sending anything. Validates
     * the request exactly as {@link #generate} does.
     *
     * @param request the request, never {@code null}
     * @return the estimated charge, never {@code null}
     * @throws NullPointerException if {@code request} is null
     * @throws InvalidRequestException if the request is invalid for this provider
     * @throws UnsupportedOptionException if it has options the provider cannot honour and the policy is REFUSE
     */
    public Charge estimate(GenerationRequest request) {
        return estimator.estimate(request);
    }

    /**
     * Checks {@code request} against this provider without sending it, and returns the warnings it would carry.
     *
     * @param request the request, never {@code null}
     * @return the warnings, empty when the request is sent as given; never {@code null}
     * @throws NullPointerException if {@code request} is null
     * @throws InvalidRequestException if the request is invalid for this provider
     * @throws UnsupportedOptionException if it has options the provider cannot honour and the policy is REFUSE
     */
    public List<Warning> validate(GenerationRequest request) {
        return estimator.validate(request);
    }

    /**
     * Generates images and keeps them in memory. Blocks until done.
     *
     * @param request the request, never {@code null}
     * @return the images, their seed, cost and warnings; never {@code null}
     * @throws NullPointerException if {@code request} is null
     * @throws SeedreamException a subtype saying what went wrong and what to do; {@link GenerationCancelledException}
     *         when the client is closed or the waiting thread is interrupted
     */
    public GenerationResult generate(GenerationRequest request) {
        return generate(request, ImageDestination.memory());
    }

    /**
     * Generates images and stores them at {@code destination}. Blocks until done.
     *
     * @param request the request, never {@code null}
     * @param destination where the images go, never {@code null}
     * @return the images, their seed, cost and warnings; never {@code null}
     * @throws NullPointerException if an argument is null
     * @throws SeedreamException a subtype saying what went wrong and what to do; {@link GenerationCancelledException}
     *         when the client is closed or the waiting thread is interrupted
     */
    public GenerationResult generate(GenerationRequest request, ImageDestination destination) {
        requireNotInterrupted();
        return join(start(request, destination, true).result());
    }

    private void requireNotInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new GenerationCancelledException("the calling thread is interrupted, so nothing was sent to provider "
                    + providerId() + "; clear the interrupt before generating", providerId(), null, null);
        }
    }

    /**
     * Generates images, kept in memory, without blocking; see
     * {@link #generateAsync(GenerationRequest, ImageDestination)}.
     *
     * @param request the request, never {@code null}
     * @return a future of the result, which fails with a {@link SeedreamException} subtype
     * @throws NullPointerException if {@code request} is null
     * @throws InvalidRequestException if the request is invalid for this provider
     * @throws UnsupportedOptionException if it has options the provider cannot honour and the policy is REFUSE
     * @throws GenerationCancelledException if the client is closed
     */
    public CompletableFuture<GenerationResult> generateAsync(GenerationRequest request) {
        return generateAsync(request, ImageDestination.memory());
    }

    /**
     * Generates images without blocking. The future fails with a {@link SeedreamException} subtype. Cancelling it
     * cancels the generation, including the provider's job when it has one. Validation errors are thrown at once.
     *
     * @param request the request, never {@code null}
     * @param destination where the images go, never {@code null}
     * @return a future of the result, which fails with a {@link SeedreamException} subtype
     * @throws NullPointerException if an argument is null
     * @throws InvalidRequestException if the request is invalid for this provider
     * @throws UnsupportedOptionException if it has options the provider cannot honour and the policy is REFUSE
     * @throws GenerationCancelledException if the client is closed
     */
    public CompletableFuture<GenerationResult> generateAsync(GenerationRequest request, ImageDestination destination) {
        return submit(request, destination).result();
    }

    /**
     * Starts a generation, kept in memory; see {@link #submit(GenerationRequest, ImageDestination)}.
     *
     * @param request the request, never {@code null}
     * @return the handle of the running generation, never {@code null}
     * @throws NullPointerException if {@code request} is null
     * @throws InvalidRequestException if the request is invalid for this provider
     * @throws UnsupportedOptionException if it has options the provider cannot honour and the policy is REFUSE
     * @throws GenerationCancelledException if the client is closed
     */
    public GenerationHandle submit(GenerationRequest request) {
        return submit(request, ImageDestination.memory());
    }

    /**
     * Starts a generation without blocking and returns its handle: its id, the provider's job ids as soon as they
     * are known, its result future, and cancel. Validation errors are thrown at once, before anything is sent.
     *
     * @param request the request, never {@code null}
     * @param destination where the images go, never {@code null}
     * @return the handle of the running generation, never {@code null}
     * @throws NullPointerException if an argument is null
     * @throws InvalidRequestException if the request is invalid for this provider
     * @throws UnsupportedOptionException if it has options the provider cannot honour and the policy is REFUSE
     * @throws GenerationCancelledException if the client is closed
     */
    public GenerationHandle submit(GenerationRequest request, ImageDestination destination) {
        return start(request, destination, false);
    }

    /** Validates, plans and starts a new generation; {@code callerWaits} when only a blocked caller reads it. */
    private GenerationHandle start(GenerationRequest request, ImageDestination destination, boolean callerWaits) {
        Objects.requireNonNull(destination, "destination");
        Planner.Plan plan = planOrReport(request);
        return new Generation(engine, plan, destination, null, callerWaits).start();
    }

    /**
     * Waits again for a job this provider accepted earlier, for example before the process crashed, instead of
     * paying for a new one. {@code request} must be the request that job was made from (it gives the expected
     * size and seed); it is validated but not sent.
     *
     * @param request the request the job was made from, never {@code null}
     * @param jobId the provider's job id, as reported by the earlier generation; never {@code null}
     * @param destination where the images go, never {@code null}
     * @return the images, their seed, cost and warnings; never {@code null}
     * @throws NullPointerException if {@code request} or {@code jobId} is null
     * @throws UnsupportedOptionException if the provider keeps no results to resume
     * @throws InvalidRequestException if the request is invalid or fans out to more than one provider call
     * @throws SeedreamException a subtype saying what went wrong and what to do
     */
    public GenerationResult resume(GenerationRequest request, String jobId, ImageDestination destination) {
        requireNotInterrupted();
        return join(resume(request, jobId, destination, true));
    }

    /**
     * Non-blocking {@link #resume}.
     *
     * @param request the request the job was made from, never {@code null}
     * @param jobId the provider's job id, never {@code null}
     * @param destination where the images go, never {@code null}
     * @return a future of the result, which fails with a {@link SeedreamException} subtype
     * @throws NullPointerException if {@code request} or {@code jobId} is null
     * @throws UnsupportedOptionException if the provider keeps no results to resume
     * @throws InvalidRequestException if the request is invalid or fans out to more than one provider call
     * @throws GenerationCancelledException if the client is closed
     */
    public CompletableFuture<GenerationResult> resumeAsync(GenerationRequest request, String jobId,
            ImageDestination destination) {
        return resume(request, jobId, destination, false);
    }

    private CompletableFuture<GenerationResult> resume(GenerationRequest request, String jobId,
            ImageDestination destination, boolean callerWaits) {
        Objects.requireNonNull(jobId, "jobId");
        if (!capabilities.resumable()) {
            throw new UnsupportedOptionException("provider " + providerId() + " cannot resume job " + jobId
                    + ": it keeps no results to resume from; submit the request again", providerId(), jobId, null);
        }
        Planner.Plan plan = planOrReport(request);
        if (plan.calls.size() != 1) {
            throw new InvalidRequestException("a job id stands for one provider call, but this request fans out to "
                    + plan.calls.size() + " calls; resume each call with a request for at most "
                    + capabilities.maxImagesPerCall() + " image(s)");
        }
        Objects.requireNonNull(destination, "destination");
        return new Generation(engine, plan, destination, jobId, callerWaits).start().result();
    }

    /**
     * Cancels the generations still running (so providers cancel the jobs they accepted rather than leave them
     * running and billing), waits up to a few seconds for those cancellations to be sent, then closes the provider
     * and stops the client's threads. Every future the client handed out is complete when this returns: running
     * generations fail with {@link GenerationCancelledException}. Idempotent; safe to call from a listener.
     */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "SeedreamClient[provider=" + providerId() + ", policy=" + policy + ", timeout=" + engine.timeout + "]";
    }

    /** The engine, for tests in this package. */
    Engine engine() {
        return engine;
    }

    static GenerationResult join(CompletableFuture<GenerationResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new GenerationCancelledException("the thread waiting for the generation was interrupted; the "
                    + "generation was cancelled");
        } catch (ExecutionException | CompletionException e) {
            throw Generation.translate(e.getCause(), null);
        } catch (java.util.concurrent.CancellationException e) {
            throw new GenerationCancelledException("the generation was cancelled");
        }
    }

    /** Validates a request against the provider and prepares its calls. */
    Planner.Plan plan(GenerationRequest request) {
        return planner.plan(request);
    }

    /** As {@link #plan}, and a refused request is reported to listeners as a generation that failed at once. */
    private Planner.Plan planOrReport(GenerationRequest request) {
        try {
            return plan(request);
        } catch (SeedreamException e) {
            engine.events.publish(new GenerationEvent.Failed(Generation.newId(),
                    providerId(), java.time.Instant.now(), e));
            throw e;
        }
    }

    /**
     * Builds a {@link SeedreamClient}. Not thread-safe.
     */
    public static final class Builder {
        private String providerId;
        private ImageProviderFactory injected;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private UnsupportedOptionPolicy policy = UnsupportedOptionPolicy.WARN;
        private Duration timeout = DEFAULT_TIMEOUT;
        private long maxImageBytes = DEFAULT_MAX_IMAGE_BYTES;
        private final List<GenerationListener> listeners = new ArrayList<>();
        private ClassLoader classLoader;
        private Function<String, String> systemProperties = System::getProperty;
        private Function<String, String> environment = System::getenv;

        private Builder() {
        }

        /**
         * The provider to use, by id; wins over {@code seedream.provider} and {@code SEEDREAM_PROVIDER}.
         *
         * @param id the provider's id, for example {@code runpod}; {@code null} chooses by property, variable or
         *        the only provider present
         * @return this builder
         */
        public Builder provider(String id) {
            this.providerId = id;
            this.injected = null;
            return this;
        }

        /**
         * The provider to use, given directly instead of found by id: for dependency-injection frameworks, tests,
         * and providers that are not on the class path as services. Its settings are read as for a discovered one.
         *
         * @param factory the provider's factory, never {@code null}
         * @return this builder
         * @throws NullPointerException if {@code factory} is null
         */
        public Builder provider(ImageProviderFactory factory) {
            this.injected = Objects.requireNonNull(factory, "factory");
            this.providerId = null;
            return this;
        }

        /**
         * A provider setting by its key name (for example {@code api-key}), winning over system properties and
         * environment variables.
         *
         * @param key the setting's name, as the provider declares it; never {@code null}
         * @param value the value, never {@code null}; it may be a secret and is never printed
         * @return this builder
         * @throws NullPointerException if an argument is null
         */
        public Builder setting(String key, String value) {
            settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Several provider settings; see {@link #setting(String, String)}.
         *
         * @param values settings by key name; never {@code null}, holding no null key or value
         * @return this builder
         * @throws NullPointerException if {@code values}, a key or a value is null
         */
        public Builder settings(Map<String, String> values) {
            values.forEach(this::setting);
            return this;
        }

        /**
         * What to do with options the provider cannot honour; {@link UnsupportedOptionPolicy#WARN} by default.
         *
         * @param policy the policy, never {@code null}
         * @return this builder
         * @throws NullPointerException if {@code policy} is null
         */
        public Builder unsupportedOptions(UnsupportedOptionPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * The deadline of one generation, {@link #DEFAULT_TIMEOUT} by default.
         *
         * @param timeout a positive duration, at most {@link #MAX_TIMEOUT}
         * @return this builder
         * @throws InvalidRequestException if {@code timeout} is null, zero, negative or longer than
         *         {@link #MAX_TIMEOUT}
         */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new InvalidRequestException("timeout " + timeout + " must be a positive duration");
            }
            if (timeout.compareTo(MAX_TIMEOUT) > 0) {
                throw new InvalidRequestException("timeout " + timeout + " is longer than the most a generation may "
                        + "take, " + MAX_TIMEOUT + " (7 days); choose a shorter deadline");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * The cap on one image's size in bytes, {@link #DEFAULT_MAX_IMAGE_BYTES} by default.
         *
         * @param maxImageBytes bytes, at least 1024
         * @return this builder
         * @throws InvalidRequestException if {@code maxImageBytes} is below 1024
         */
        public Builder maxImageBytes(long maxImageBytes) {
            if (maxImageBytes < 1024) {
                throw new InvalidRequestException("maxImageBytes " + maxImageBytes + " is too small: allow at least 1024");
            }
            this.maxImageBytes = maxImageBytes;
            return this;
        }

        /**
         * Adds a listener for every generation's events.
         *
         * @param listener the listener, never {@code null}
         * @return this builder
         * @throws NullPointerException if {@code listener} is null
         */
        public Builder listener(GenerationListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * The class loader to find providers with; by default the context class loader, else core's own.
         *
         * @param classLoader the class loader, or {@code null} for the default
         * @return this builder
         */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /**
         * Where system properties are read from; {@link System#getProperty} by default. For tests and embedding.
         *
         * @param lookup maps a property name to its value, or to {@code null} when unset; never {@code null}
         * @return this builder
         * @throws NullPointerException if {@code lookup} is null
         */
        public Builder systemProperties(Function<String, String> lookup) {
            this.systemProperties = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /**
         * Where environment variables are read from; {@link System#getenv} by default. For tests and embedding.
         *
         * @param lookup maps a variable name to its value, or to {@code null} when unset; never {@code null}
         * @return this builder
         * @throws NullPointerException if {@code lookup} is null
         */
        public Builder environment(Function<String, String> lookup) {
            this.environment = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /**
         * Chooses the provider and reads the settings its capabilities depend on (such as a configured price), without
         * creating it: no credentials are needed and nothing is ever sent. For pricing and validating requests before
         * spending anything.
         *
         * @return an estimator for the chosen provider, never {@code null}
         * @throws ProviderSelectionException if no provider can be chosen
         * @throws ConfigurationException if a setting the capabilities read is malformed, or a setting is unknown
         */
        public CostEstimator buildEstimator() {
            ImageProviderFactory factory = chooseFactory();
            Capabilities capabilities;
            try {
                capabilities = factory.capabilities(settingsFor(factory));
            } catch (SeedreamException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ConfigurationException("provider " + factory.id() + " failed to describe itself: " + e,
                        factory.id(), null, e);
            }
            return new CostEstimator(new Planner(factory.id(), capabilities, policy), capabilities);
        }

        private ImageProviderFactory chooseFactory() {
            if (injected != null) {
                return injected;
            }
            ProviderCatalog catalog = classLoader == null ? ProviderCatalog.discover()
                    : ProviderCatalog.discover(classLoader);
            return catalog.select(providerId, systemProperties, environment);
        }

        private ProviderSettings settingsFor(ImageProviderFactory factory) {
            for (String key : settings.keySet()) {
                if (factory.settings().stream().map(SettingKey::name).noneMatch(key::equals)) {
                    throw new ConfigurationException("provider " + factory.id() + " has no setting '" + key
                            + "'; its settings are " + factory.settings().stream().map(SettingKey::name).toList(),
                            factory.id(), null, null);
                }
            }
            return ProviderSettings.of(factory.id(), settings, systemProperties, environment);
        }

        /**
         * Chooses the provider, creates it with its settings, and returns the client.
         *
         * @return a new client; close it when done
         * @throws ProviderSelectionException if no provider can be chosen
         * @throws ConfigurationException if the provider's settings are missing or malformed
         */
        public SeedreamClient build() {
            ImageProviderFactory factory = chooseFactory();
            ProviderSettings providerSettings = settingsFor(factory);
            ImageProvider provider;
            Capabilities capabilities;
            try {
                capabilities = factory.capabilities(providerSettings);
                provider = factory.create(providerSettings);
            } catch (SeedreamException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ConfigurationException("provider " + factory.id() + " failed to start: " + e, factory.id(),
                        null, e);
            }
            if (provider == null) {
                throw new ConfigurationException("provider " + factory.id() + " created no provider; this is a bug in "
                        + "the provider", factory.id(), null, null);
            }
            return new SeedreamClient(this, factory, provider, capabilities);
        }
    }
}
