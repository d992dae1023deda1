package io.github.seedream4j.micrometer;

import io.github.seedream4j.Charge;
import io.github.seedream4j.GenerationEvent;
import io.github.seedream4j.GenerationListener;
import io.github.seedream4j.GenerationResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records every generation of a client with Micrometer: one {@link Observation} per generation (started on
 * {@link GenerationEvent.Validated}, stopped on its outcome), and three counters.
 *
 * <pre>{@code
 * SeedreamClient client = SeedreamClient.builder()
 *         .listener(new ObservingGenerationListener(observationRegistry, meterRegistry))
 *         .build();
 * }</pre>
 *
 * <p>The observation is named {@value DefaultGenerationObservationConvention#NAME}, with the contextual (span)
 * name {@code generate_content seedream-4.0}; see {@link DefaultGenerationObservationConvention} for its keys.
 * Submissions, retries and fetched images become observation events ({@value #SUBMITTED}, {@value #RETRIED},
 * {@value #IMAGE_FETCHED}); a failure becomes the observation's error. It is started on the caller's thread, so
 * an observation open there (an incoming HTTP request, say) becomes its parent. Register this listener directly,
 * not through {@link GenerationListener#async}: it is quick and needs that thread.
 *
 * <p>Counters, tagged {@code gen_ai.provider.name}:
 * <ul>
 *   <li>{@value #IMAGES}: images generated;</li>
 *   <li>{@value #COST}: money charged, the amount in the currency of tag {@code currency} (ISO 4217), with tag
 *       {@code basis} {@code reported} (the provider said so) or {@code estimated} (from its price table);</li>
 *   <li>{@value #RETRIES}: requests retried after a failure that was safe to retry.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class ObservingGenerationListener implements GenerationListener {

    /** Counter of images generated. */
    public static final String IMAGES = "seedream.images";
    /** Counter of money charged. */
    public static final String COST = "seedream.cost";
    /** Counter of retried requests. */
    public static final String RETRIES = "seedream.retries";
    /** Observation event: the provider accepted a call. */
    public static final String SUBMITTED = "seedream.submitted";
    /** Observation event: a request was retried. */
    public static final String RETRIED = "seedream.retried";
    /** Observation event: an image was fetched and checked. */
    public static final String IMAGE_FETCHED = "seedream.image.fetched";

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
     */
    public ObservingGenerationListener(ObservationRegistry observations, MeterRegistry meters,
            GenerationObservationConvention convention) {
        this.observations = Objects.requireNonNull(observations, "observations");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.convention = convention;
    }

    @Override
    public void onEvent(GenerationEvent event) {
        if (event instanceof GenerationEvent.Validated) {
            GenerationObservationContext context = new GenerationObservationContext((GenerationEvent.Validated) event);
            Observation observation = Observation.createNotStarted(convention, DEFAULT, () -> context, observations)
                    .start();
            running.put(event.generationId(), new Running(observation, context));
            return;
        }
        Running r = event instanceof GenerationEvent.Completed || event instanceof GenerationEvent.Failed
                || event instanceof GenerationEvent.Cancelled
                ? running.remove(event.generationId()) : running.get(event.generationId());
        if (r == null) {
            return; // began before this listener was registered, or already ended
        }
        if (event instanceof GenerationEvent.Submitted) {
            r.observation.event(Observation.Event.of(SUBMITTED));
        } else if (event instanceof GenerationEvent.Retried) {
            r.context.retried();
            r.observation.event(Observation.Event.of(RETRIED));
            counter(RETRIES, "requests retried after a failure that was safe to retry", event.providerId()).increment();
        } else if (event instanceof GenerationEvent.ImageFetched) {
            r.observation.event(Observation.Event.of(IMAGE_FETCHED));
        } else if (event instanceof GenerationEvent.Completed) {
            GenerationResult result = ((GenerationEvent.Completed) event).result();
            r.context.completed(result);
            count(event.providerId(), result);
            r.observation.stop();
        } else if (event instanceof GenerationEvent.Failed) {
            r.context.failed();
            r.observation.error(((GenerationEvent.Failed) event).error());
            r.observation.stop();
        } else if (event instanceof GenerationEvent.Cancelled) {
            r.context.cancelled();
            r.observation.stop();
        }
    }

    private void count(String provider, GenerationResult result) {
        counter(IMAGES, "images generated", provider).increment(result.images().size());
        Charge charge = result.charge();
        Counter.builder(COST)
                .description("money charged for generations, in the currency of tag currency")
                .tag(DefaultGenerationObservationConvention.PROVIDER_NAME, provider)
                .tag("currency", charge.cost().currency().getCurrencyCode())
                .tag("basis", charge.basis().name().toLowerCase(Locale.ROOT))
                .register(meters)
                .increment(charge.cost().amount().doubleValue());
    }

    private Counter counter(String name, String description, String provider) {
        return Counter.builder(name).description(description)
                .tag(DefaultGenerationObservationConvention.PROVIDER_NAME, provider).register(meters);
    }

    @Override
    public String toString() {
        return "ObservingGenerationListener[" + running.size() + " running]";
    }

    private static final class Running {
        final Observation observation;
        final GenerationObservationContext context;

        Running(Observation observation, GenerationObservationContext context) {
            this.observation = observation;
            this.context = context;
        }
    }
}
