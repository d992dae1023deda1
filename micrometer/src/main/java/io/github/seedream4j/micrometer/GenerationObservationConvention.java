package io.github.seedream4j.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names a generation's observation and its key values. Implement it to rename or add keys; extend
 * {@link DefaultGenerationObservationConvention} to keep the defaults and add to them.
 */
public interface GenerationObservationConvention extends ObservationConvention<GenerationObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof GenerationObservationContext;
    }
}
