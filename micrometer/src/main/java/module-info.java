/**
 * seedream4j's Micrometer integration: {@link io.github.seedream4j.micrometer.ObservingGenerationListener} records
 * one {@code Observation} per generation, named after the OpenTelemetry GenAI semantic conventions, and counts
 * images, cost and retries.
 */
module io.github.seedream4j.micrometer {
    requires transitive io.github.seedream4j.core;
    requires transitive micrometer.commons;
    requires transitive micrometer.observation;
    requires transitive micrometer.core;

    exports io.github.seedream4j.micrometer;
}
