package io.github.seedream4j.spi;

import io.github.seedream4j.Cost;
import io.github.seedream4j.GeneratedImage;
import io.github.seedream4j.Warning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What one provider call produced. Build with {@link #builder()}. Immutable. */
public final class ProviderResult {

    private final List<GeneratedImage> images;
    private final Cost reportedCost;
    private final String jobId;
    private final Duration queue;
    private final Duration execution;
    private final List<Warning> warnings;

    private ProviderResult(Builder b) {
        this.images = List.copyOf(b.images);
        if (images.isEmpty()) {
            throw new IllegalStateException("a provider result has at least one image");
        }
        this.reportedCost = b.reportedCost;
        this.jobId = b.jobId;
        this.queue = b.queue;
        this.execution = b.execution;
        this.warnings = List.copyOf(b.warnings);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The stored images. */
    public List<GeneratedImage> images() {
        return images;
    }

    /** The cost the provider reported for this call, when it reports costs. */
    public Optional<Cost> reportedCost() {
        return Optional.ofNullable(reportedCost);
    }

    /** The provider's job id, when it has one. */
    public Optional<String> jobId() {
        return Optional.ofNullable(jobId);
    }

    /** The time the provider reports the job waited, when it does. */
    public Optional<Duration> queue() {
        return Optional.ofNullable(queue);
    }

    /** The time the provider reports the model ran, when it does. */
    public Optional<Duration> execution() {
        return Optional.ofNullable(execution);
    }

    /** Warnings from the provider. */
    public List<Warning> warnings() {
        return warnings;
    }

    /** Builds a {@link ProviderResult}. Not thread-safe. */
    public static final class Builder {
        private final List<GeneratedImage> images = new ArrayList<>();
        private Cost reportedCost;
        private String jobId;
        private Duration queue;
        private Duration execution;
        private final List<Warning> warnings = new ArrayList<>();

        private Builder() {
        }

        /** Adds an image. */
        public Builder image(GeneratedImage image) {
            images.add(Objects.requireNonNull(image, "image"));
            return this;
        }

        /** Adds images. */
        public Builder images(List<GeneratedImage> images) {
            images.forEach(this::image);
            return this;
        }

        /** The cost the provider reported; {@code null} when it reports none. */
        public Builder reportedCost(Cost cost) {
            this.reportedCost = cost;
            return this;
        }

        /** The provider's job id; {@code null} when it has none. */
        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        /** Queue time reported by the provider; {@code null} when unknown. */
        public Builder queue(Duration queue) {
            this.queue = queue;
            return this;
        }

        /** Execution time reported by the provider; {@code null} when unknown. */
        public Builder execution(Duration execution) {
            this.execution = execution;
            return this;
        }

        /** Adds a warning. */
        public Builder warning(Warning warning) {
            warnings.add(Objects.requireNonNull(warning, "warning"));
            return this;
        }

        /**
         * The result.
         *
         * @throws IllegalStateException when no image was added
         */
        public ProviderResult build() {
            return new ProviderResult(this);
        }
    }
}
