package io.github.seedream4j.micrometer;

import io.github.seedream4j.Charge;
import io.github.seedream4j.GenerationEvent;
import io.github.seedream4j.GenerationListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records every generation of a client with Micrometer: one {@link Observation} per generation (started on
 * {@link GenerationEvent.Validated}, stopped on its outcome), and counters.
 *
 * <pre>{@code
 * meterRegistry.config().meterFilter(ObservingGenerationListener.meterFilter());   // before any meter is registered
 * SeedreamClient client = SeedreamClient.builder()
 *         .listener(new ObservingGenerationListener(observationRegistry, meterRegistry))
 *         .build();
 * }</pre>
 *
 * <p>The observation is named {@value DefaultGenerationObservationConvention#NAME}, with the contextual (span)
 * name {@code generate_content seedream-4.0}; see {@link DefaultGenerationObservationConvention} for its keys.
 * Micrometer's {@code DefaultMeterObservationHandler} turns it into the timer of that name; a failure becomes the
 * observation's error. It is started on the caller's thread, so an observation open there (an incoming HTTP
 * request, say) becomes its parent. Register this listener directly, not through {@link GenerationListener#async}:
 * it is quick and needs that thread.
 *
 * <p>Counters, each tagged {@value DefaultGenerationObservationConvention#PROVIDER_NAME}:
 * <ul>
 *   <li>{@value #SUBMITTED} ({@value #UNIT_CALL}): provider calls the provider accepted;</li>
 *   <li>{@value #RETRIED} ({@value #UNIT_REQUEST}): requests sent again after a failure that was safe to retry;</li>
 *   <li>{@value #IMAGES} ({@value #UNIT_IMAGE}): images downloaded and checked;</li>
 *   <li>{@value #COST} (base unit: the currency's ISO 4217 code, such as {@code USD}): money charged for completed
 *       generations, with tag {@value #CURRENCY} (the same code) and tag {@value #BASIS} {@code reported} (the
 *       provider said so) or {@code estimated} (from its price table).</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class ObservingGenerationListener implements GenerationListener {

    /** Counter: provider calls accepted. */
    public static final String SUBMITTED = "seedream.generation.submitted";
    /** Counter: requests retried. */
    public static final String RETRIED = "seedream.generation.retried";
    /** Counter: images downloaded and checked. */
    public static final String IMAGES = "seedream.generation.images";
    /** Counter: money charged. */
    public static final String COST = "seedream.cost";
    /** Tag of {@value #COST}: the currency's ISO 4217 code. */
    public static final String CURRENCY = "seedream.currency";
    /** Tag of {@value #COST}: {@code reported} or {@code estimated}. */
    public static final String BASIS = "seedream.cost.basis";

    // Base units are plain words, as Micrometer's own meters have them: Micrometer's Prometheus naming appends the
    // base unit to the name and would print the conventions' "{call}" as "_call_".
    /** Base unit of {@value #SUBMITTED}. */
    public static final String UNIT_CALL = "calls";
    /** Base unit of {@value #RETRIED}. */
    public static final String UNIT_REQUEST = "requests";
    /** Base unit of {@value #IMAGES}. */
    public static final String UNIT_IMAGE = "images";

    /**
     * The bucket boundaries the OpenTelemetry GenAI conventions give for {@code gen_ai.client.operation.duration},
     * in seconds.
     */
    static final List<Double> DURATION_BUCKETS = List.of(
            0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);

    /**
     * The events this listener knows, whether it records them or not. A test compares them with the events core
     * declares, so a new event is a decision to make here, not one that goes by unnoticed.
     */
    static final Set<Class<? extends GenerationEvent>> KNOWN_EVENTS = Set.of(
            GenerationEvent.Validated.class, GenerationEvent.Submitted.class, GenerationEvent.Retried.class,
            GenerationEvent.Polled.class, GenerationEvent.ImageFetched.class, GenerationEvent.Completed.class,
            GenerationEvent.Failed.class, GenerationEvent.Cancelled.class);

    private static final GenerationObservationConvention DEFAULT = new DefaultGenerationObservationConvention();

    private final ObservationRegistry observations;
    private final MeterRegistry meters;
    private final GenerationObservationConvention convention;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    /**
     * With the default convention.
     *
     * @param observations where observations go; {@link ObservationRegistry#NOOP} records none
     * @param meters where the counters go
     * @throws NullPointerException if either is null
     */
    public ObservingGenerationListener(ObservationRegistry observations, MeterRegistry meters) {
        this(observations, meters, null);
    }

    /**
     * With a custom convention that replaces the default one.
     *
     * @param observations where observations go
     * @param meters where the counters go
     * @param convention names and key values, or {@code null} for {@link DefaultGenerationObservationConvention}
     * @throws NullPointerException if {@code observations} or {@code meters} is null
     */
    public ObservingGenerationListener(ObservationRegistry observations, MeterRegistry meters,
            GenerationObservationConvention convention) {
        this.observations = Objects.requireNonNull(observations, "observations");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.convention = convention;
    }

    /**
     * A filter for the {@link MeterRegistry} that makes the timer exactly what the OpenTelemetry GenAI conventions
     * describe. Micrometer's {@code DefaultMeterObservationHandler} tags every timer it makes with {@code error}
     * ({@code none} or the exception's simple class name); for {@value DefaultGenerationObservationConvention#NAME}
     * that says again what {@value DefaultGenerationObservationConvention#ERROR_TYPE} says, so the filter removes it.
     * It also gives the timer the conventions' histogram buckets. Other meters pass unchanged.
     *
     * <p>Add it before any meter is registered: {@code registry.config().meterFilter(meterFilter())}, or declare
     * it as a {@code MeterFilter} bean in Spring Boot, which applies it to every registry.
     *
     * @return the filter; stateless
     */
    public static MeterFilter meterFilter() {
        return GenAiDurationFilter.INSTANCE;
    }

    @Override
    public void onEvent(GenerationEvent event) {
        // Java 17 has no pattern switch; KNOWN_EVENTS and its test keep this chain complete.
        if (event instanceof GenerationEvent.Validated validated) {
            start(validated);
        } else if (event instanceof GenerationEvent.Submitted) {
            counter(SUBMITTED, UNIT_CALL, "provider calls accepted", event.providerId()).increment();
        } else if (event instanceof GenerationEvent.Retried) {
            counter(RETRIED, UNIT_REQUEST, "requests sent again after a failure that was safe to retry",
                    event.providerId()).increment();
            Running r = running.get(event.generationId());
            if (r != null) {
                r.context.retried();
            }
        } else if (event instanceof GenerationEvent.ImageFetched) {
            counter(IMAGES, UNIT_IMAGE, "images downloaded and checked", event.providerId()).increment();
        } else if (event instanceof GenerationEvent.Completed completed) {
            Running r = running.remove(event.generationId());
            count(event.providerId(), completed.result().charge());
            if (r != null) {
                r.context.completed(completed.result());
                r.observation.stop();
            }
        } else if (event instanceof GenerationEvent.Failed failed) {
            Running r = running.remove(event.generationId());
            if (r != null) {
                r.context.failed();
                r.observation.error(failed.error());
                r.observation.stop();
            }
        } else if (event instanceof GenerationEvent.Cancelled) {
            Running r = running.remove(event.generationId());
            if (r != null) {
                r.context.cancelled();
                r.observation.stop();
            }
        }
        // Polled is not recorded: a long job polls hundreds of times. An event added to core after this
        // module was built is ignored until this listener learns it.
    }

    private void start(GenerationEvent.Validated validated) {
        GenerationObservationContext context = new GenerationObservationContext(validated);
        Observation observation = Observation.createNotStarted(convention, DEFAULT, () -> context, observations)
                .start();
        running.put(validated.generationId(), new Running(observation, context));
    }

    private void count(String provider, Charge charge) {
        Counter.builder(COST)
                .description("money charged for completed generations, in the currency of tag " + CURRENCY)
                // the currency is the unit: amounts in two currencies never add up, so they never share a name
                .baseUnit(charge.cost().currency().getCurrencyCode())
                .tag(DefaultGenerationObservationConvention.PROVIDER_NAME, provider)
                .tag(CURRENCY, charge.cost().currency().getCurrencyCode())
                .tag(BASIS, charge.basis().name().toLowerCase(Locale.ROOT))
                .register(meters)
                .increment(charge.cost().amount().doubleValue());
    }

    private Counter counter(String name, String unit, String description, String provider) {
        return Counter.builder(name).description(description).baseUnit(unit)
                .tag(DefaultGenerationObservationConvention.PROVIDER_NAME, provider).register(meters);
    }

    @Override
    public String toString() {
        return "ObservingGenerationListener[" + running.size() + " running]";
    }

    private record Running(Observation observation, GenerationObservationContext context) {
    }

    /** See {@link #meterFilter()}. */
    private enum GenAiDurationFilter implements MeterFilter {
        INSTANCE;

        /** The tag Micrometer's DefaultMeterObservationHandler adds to every timer. */
        private static final String MICROMETER_ERROR = "error";

        private static boolean isDuration(Meter.Id id) {
            return DefaultGenerationObservationConvention.NAME.equals(id.getName())
                    && id.getType() == Meter.Type.TIMER;
        }

        @Override
        public Meter.Id map(Meter.Id id) {
            if (!isDuration(id) || id.getTag(DefaultGenerationObservationConvention.ERROR_TYPE) == null
                    || id.getTag(MICROMETER_ERROR) == null) {
                return id;
            }
            List<Tag> tags = id.getTags().stream().filter(t -> !t.getKey().equals(MICROMETER_ERROR)).toList();
            return id.replaceTags(tags);
        }

        @Override
        public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
            if (!isDuration(id)) {
                return config;
            }
            double[] nanos = DURATION_BUCKETS.stream().mapToDouble(seconds -> Math.round(seconds * 1e9)).toArray();
            return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
        }
    }
}
