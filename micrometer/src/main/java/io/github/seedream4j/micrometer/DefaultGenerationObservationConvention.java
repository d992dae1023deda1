package io.github.seedream4j.micrometer;

import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.Seed;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default names, after the OpenTelemetry semantic conventions for generative AI client spans and metrics
 * ({@code gen_ai.*}). The conventions have no operation name for images, so the operation is
 * {@value #OPERATION} (their name for multimodal content generation) with {@code gen_ai.output.type=image}.
 *
 * <p>Low-cardinality keys (also metric tags): {@value #OPERATION_NAME}, {@value #PROVIDER_NAME} (the seedream4j
 * provider id, such as {@code runpod}), {@value #REQUEST_MODEL}, {@value #OUTPUT_TYPE}, {@value #OUTCOME}
 * ({@code running}, {@code completed}, {@code failed}, {@code cancelled}) and {@value #ERROR_TYPE} (the
 * exception's simple class name, or {@code none} so that every meter of one name has the same tag keys).
 *
 * <p>High-cardinality keys (traces only): {@value #GENERATION_ID}, {@value #RESPONSE_ID} (the provider's job ids),
 * {@value #REQUEST_SEED}, {@value #CHOICE_COUNT} (images asked for), {@value #RESOLUTION} and, once completed,
 * {@value #COST}. The prompt is never recorded.
 */
public class DefaultGenerationObservationConvention implements GenerationObservationConvention {

    /** The observation's name; Micrometer's timer is named after it. Spring AI uses the same name. */
    public static final String NAME = "gen_ai.client.operation";
    /** The model every seedream4j provider serves. */
    public static final String MODEL = "seedream-4.0";
    /** The value of {@value #OPERATION_NAME}. */
    public static final String OPERATION = "generate_content";

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
    /** Key: the error's class, or {@code none}. */
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

    /** {@code generate_content seedream-4.0}, the conventions' span name: operation, then model. */
    @Override
    public String getContextualName(GenerationObservationContext context) {
        return OPERATION + " " + MODEL;
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(GenerationObservationContext context) {
        Throwable error = context.getError();
        return KeyValues.of(
                KeyValue.of(OPERATION_NAME, OPERATION),
                KeyValue.of(PROVIDER_NAME, context.providerId()),
                KeyValue.of(REQUEST_MODEL, MODEL),
                KeyValue.of(OUTPUT_TYPE, "image"),
                KeyValue.of(OUTCOME, context.outcome().name().toLowerCase(java.util.Locale.ROOT)),
                KeyValue.of(ERROR_TYPE, error == null ? "none" : error.getClass().getSimpleName()));
    }

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
