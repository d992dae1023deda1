package io.github.seedream4j.spi;

import io.github.seedream4j.Cost;
import io.github.seedream4j.Warning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one provider call produced besides its images: the images themselves went to
 * {@link GenerationContext#images()}, and the client takes them from there. Build with {@link #builder()}, or use
 * {@link #none()} when there is nothing to say. Immutable.
 */
public final class ProviderResult {

    private final Cost reportedCost;
    private final String jobId;
    private final Duration queue;
    private final Duration execution;
    private final List<Warning> warnings;

    private ProviderResult(Builder b) {
        this.reportedCost = b.reportedCost;
        this.jobId = b.jobId;
        this.queue = b.queue;
        this.execution = b.execution;
        this.warnings = List.copyOf(b.warnings);
    }

    private static final ProviderResult NONE = new Builder().build();

    /** {@return a new, empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a result that reports nothing beyond the stored images} */
    public static ProviderResult none() {
        return NONE;
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
        private Cost reportedCost;
        private String jobId;
        private Duration queue;
        private Duration execution;
        private final List<Warning> warnings = new ArrayList<>();

        private Builder() {
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
         * The cost as the provider's answer states it, read leniently: the provider was paid by the time it says
         * what it charged, so a malformed, negative or out-of-range amount, or an unknown currency, never fails the
         * call. It becomes a warning instead, and the client estimates the cost from the price table.
         *
         * @param amount the amount as the provider wrote it, for example {@code "0.0283"}; {@code null} when absent
         * @param currencyCode an ISO 4217 code such as {@code USD}; {@code null} for US dollars
         * @return this builder
         */
        public Builder reportedCost(String amount, String currencyCode) {
            if (amount == null) {
                return this;
            }
            try {
                java.util.Currency currency = currencyCode == null ? Cost.USD
                        : java.util.Currency.getInstance(currencyCode.strip().toUpperCase(java.util.Locale.ROOT));
                this.reportedCost = Cost.parse(amount, currency);
            } catch (RuntimeException e) {
                String shown = amount.length() > 24 ? amount.substring(0, 24) + "..." : amount;
                warnings.add(Warning.of(Warning.IMPLAUSIBLE_COST, "the provider reported a cost of '" + shown + "'"
                        + (currencyCode == null ? "" : " " + currencyCode) + ", which is not a usable amount; the cost "
                        + "shown is estimated from the price table"));
            }
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
         */
        public ProviderResult build() {
            return new ProviderResult(this);
        }
    }
}
