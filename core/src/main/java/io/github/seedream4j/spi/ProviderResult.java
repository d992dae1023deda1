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

    /** {@return a new, empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the stored images: unmodifiable, in the provider's order, never empty} */
    public List<GeneratedImage> images() {
        return images;
    }

    /** {@return the cost the provider reported for this call, when it reports costs} */
    public Optional<Cost> reportedCost() {
        return Optional.ofNullable(reportedCost);
    }

    /** {@return the provider's job id, when it has one} */
    public Optional<String> jobId() {
        return Optional.ofNullable(jobId);
    }

    /** {@return the time the provider reports the job waited, when it does} */
    public Optional<Duration> queue() {
        return Optional.ofNullable(queue);
    }

    /** {@return the time the provider reports the model ran, when it does} */
    public Optional<Duration> execution() {
        return Optional.ofNullable(execution);
    }

    /** {@return warnings from the provider: unmodifiable, possibly empty} */
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

        /**
         * Adds an image.
         *
         * @param image an image stored through {@link GenerationContext#images()}, never {@code null}
         * @return this builder
         * @throws NullPointerException if {@code image} is null
         */
        public Builder image(GeneratedImage image) {
            images.add(Objects.requireNonNull(image, "image"));
            return this;
        }

        /**
         * Adds images, in order.
         *
         * @param images the images, never {@code null} and holding no {@code null}
         * @return this builder
         * @throws NullPointerException if {@code images} or one of them is null
         */
        public Builder images(List<GeneratedImage> images) {
            images.forEach(this::image);
            return this;
        }

        /**
         * The cost the provider reported; {@code null} when it reports none.
         *
         * @param cost the cost of this call, or {@code null}
         * @return this builder
         */
        public Builder reportedCost(Cost cost) {
            this.reportedCost = cost;
            return this;
        }

        /**
         * The provider's job id; {@code null} when it has none.
         *
         * @param jobId the job id, or {@code null}
         * @return this builder
         */
        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        /**
         * Queue time reported by the provider; {@code null} when unknown.
         *
         * @param queue the time the job waited, or {@code null}
         * @return this builder
         */
        public Builder queue(Duration queue) {
            this.queue = queue;
            return this;
        }

        /**
         * Execution time reported by the provider; {@code null} when unknown.
         *
         * @param execution the time the model ran, or {@code null}
         * @return this builder
         */
        public Builder execution(Duration execution) {
            this.execution = execution;
            return this;
        }

        /**
         * Adds a warning.
         *
         * @param warning the warning, never {@code null}
         * @return this builder
         * @throws NullPointerException if {@code warning} is null
         */
        public Builder warning(Warning warning) {
            warnings.add(Objects.requireNonNull(warning, "warning"));
            return this;
        }

        /**
         * The result.
         *
         * @return a new, immutable result
         * @throws IllegalStateException when no image was added
         */
        public ProviderResult build() {
            return new ProviderResult(this);
        }
    }
}
