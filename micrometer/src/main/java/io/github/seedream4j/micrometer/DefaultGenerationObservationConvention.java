package io.github.seedream4j.micrometer;

import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.Seed;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.Locale;

/**
 * The default names, after the OpenTelemetry semantic conventions for generative AI ({@code gen_ai.*}). The
 * observation is named {@value #NAME}, the conventions' metric for the duration of a client operation, so the
 * timer that Micrometer's {@code DefaultMeterObservationHandler} makes of it carries that name. The conventions
 * have no operation name for images, so the operation is {@value #OPERATION} (their name for multimodal content
 * generation) with {@code gen_ai.output.type=image}.
 *
 * <p>Low-cardinality keys (also the timer's tags): {@value #OPERATION_NAME}, {@value #PROVIDER_NAME} (the
 * seedream4j provider id, such as {@code runpod}), {@value #REQUEST_MODEL} and {@value #OUTPUT_TYPE}; once the
 * generation has ended also {@value #OUTCOME} ({@code completed}, {@code failed} or {@code cancelled}) and
 * {@value #ERROR_TYPE} (the exception's canonical class name, or {@value #NO_ERROR} so that every timer of one name
 * has the same tag keys, as Prometheus requires). Micrometer's handler adds a tag {@code error} of its own; the
 * filter from {@link ObservingGenerationListener#meterFilter()} removes it.
 *
 * <p>High-cardinality keys (traces only): {@value #GENERATION_ID}, {@value #RESPONSE_ID} (the provider's job ids),
 * {@value #REQUEST_SEED}, {@value #CHOICE_COUNT} (images asked for), {@value #RESOLUTION} and, once completed,
 * {@value #COST}. The prompt is never recorded.
 */
public class DefaultGenerationObservationConvention implements GenerationObservationConvention {

    /** The observation's name, and so the timer's: the OpenTelemetry GenAI client operation duration. */
    public static final String NAME = "gen_ai.client.operation.duration";
    /** The model every seedream4j provider serves. */
    public static final String MODEL = "seedream-4.0";
    /** The value of {@value #OPERATION_NAME}. */
    public static final String OPERATION = "generate_content";
    /** The value of {@value #ERROR_TYPE} when the generation did not fail. */
    public static final String NO_ERROR = "none";

    /** Key: the operation. */
    public static final String OPERATION_NAME = "gen_ai.operation.name";
    /** Key: the provider id. */
    public static final String PROVIDER_NAME = "gen_ai.provider.name";
    /** Key: the model. */
    public static final String REQUEST_MODEL = "gen_ai.request.model";
    /** Key: what is generated, always {@code image}. */
    public static final String OUTPUT_TYPE = "gen_ai.output.type";
    /** Key: how the generation ended. */
    public static final String OUTCOME = "seedream.outcome";
    /** Key: the error's canonical class name, or {@value #NO_ERROR}. */
    public static final String ERROR_TYPE = "error.type";
    /** Key: the client's generation id. */
    public static final String GENERATION_ID = "seedream.generation.id";
    /** Key: the provider's job ids, comma-separated. */
    public static final String RESPONSE_ID = "gen_ai.response.id";
    /** Key: the seed of the first image. */
    public static final String REQUEST_SEED = "gen_ai.request.seed";
    /** Key: how many images were asked for. */
    public static final String CHOICE_COUNT = "gen_ai.request.choice.count";
    /** Key: the exact pixels, for example {@code 2048x2048}. */
    public static final String RESOLUTION = "seedream.resolution";
    /** Key: the charge, for example {@code 0.03 USD (estimated)}. */
    public static final String COST = "seedream.cost";

    /** Public for subclasses and for explicit use. */
    public DefaultGenerationObservationConvention() {
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** {@return {@code generate_content seedream-4.0}, the conventions' span name: operation, then model} */
    @Override
    public String getContextualName(GenerationObservationContext context) {
        return OPERATION + " " + MODEL;
    }

    /**
     * {@return the operation, provider, model and output type; once the generation has ended, also its outcome and
     * error type} The outcome is left out while the generation runs, so the long task timer Micrometer keeps for
     * running observations carries no outcome that is bound to change.
     */
    @Override
    public KeyValues getLowCardinalityKeyValues(GenerationObservationContext context) {
        KeyValues values = KeyValues.of(
                KeyValue.of(OPERATION_NAME, OPERATION),
                KeyValue.of(PROVIDER_NAME, context.providerId()),
                KeyValue.of(REQUEST_MODEL, MODEL),
                KeyValue.of(OUTPUT_TYPE, "image"));
        if (context.outcome() == GenerationObservationContext.Outcome.RUNNING) {
            return values;
        }
        return values.and(
                KeyValue.of(OUTCOME, context.outcome().name().toLowerCase(Locale.ROOT)),
                KeyValue.of(ERROR_TYPE, errorType(context.getError())));
    }

    /** The conventions ask for the canonical class name; an anonymous class has none and gives its binary name. */
    private static String errorType(Throwable error) {
        if (error == null) {
            return NO_ERROR;
        }
        String canonical = error.getClass().getCanonicalName();
        return canonical != null ? canonical : error.getClass().getName();
    }

    /** {@return the generation id, images asked for, pixels, seed and, once completed, cost and job ids} */
    @Override
    public KeyValues getHighCardinalityKeyValues(GenerationObservationContext context) {
        KeyValues values = KeyValues.of(
                KeyValue.of(GENERATION_ID, context.generationId()),
                KeyValue.of(CHOICE_COUNT, Integer.toString(context.validated().request().count())),
                KeyValue.of(RESOLUTION, context.validated().resolution().toString()));
        String seed = context.result().flatMap(GenerationResult::seed)
                .or(() -> context.validated().request().seed()).map(Seed::value).map(String::valueOf).orElse(null);
        if (seed != null) {
            values = values.and(REQUEST_SEED, seed);
        }
        if (context.result().isPresent()) {
            GenerationResult result = context.result().get();
            values = values.and(COST, result.charge().toString());
            if (!result.jobIds().isEmpty()) {
                values = values.and(RESPONSE_ID, String.join(",", result.jobIds()));
            }
        }
        return values;
    }
}
