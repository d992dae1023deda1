package io.github.seedream4j.http;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How often and how long to wait between attempts: exponential backoff with full jitter (a random wait between
 * zero and {@code min(maxDelay, initialDelay * 2^(retry-1))}), at most {@link #maxAttempts()} attempts in all, and
 * a server's {@code Retry-After} honoured up to {@link #maxRetryAfter()}. Immutable and thread-safe.
 */
public final class RetryPolicy {

    private final Duration initialDelay;
    private final Duration maxDelay;
    private final int maxAttempts;
    private final Duration maxRetryAfter;
    private final DoubleSupplier random;

    private RetryPolicy(Builder b) {
        if (b.initialDelay.isNegative() || b.maxDelay.compareTo(b.initialDelay) < 0 || b.maxAttempts < 1
                || b.maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("retry policy needs 0 <= initialDelay <= maxDelay, maxAttempts >= 1 "
                    + "and maxRetryAfter >= 0, not " + b.initialDelay + ", " + b.maxDelay + ", " + b.maxAttempts
                    + ", " + b.maxRetryAfter);
        }
        this.initialDelay = b.initialDelay;
        this.maxDelay = b.maxDelay;
        this.maxAttempts = b.maxAttempts;
        this.maxRetryAfter = b.maxRetryAfter;
        this.random = b.random;
    }

    /** {@return 4 attempts, 500 ms initial, 8 s cap, {@code Retry-After} honoured up to 30 s} */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** {@return a builder starting from {@link #defaults()}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return attempts in all, the first included; at least 1} */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** {@return the longest {@code Retry-After} honoured; longer requests are cut to it} */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * The wait before retry number {@code retry}.
     *
     * @param retry 1 for the first retry, 2 for the second, ...
     * @param retryAfter what the server asked for, or {@code null}; when given it wins over the backoff, capped at
     *        {@link #maxRetryAfter()}
     * @return the wait, zero or positive
     * @throws IllegalArgumentException if {@code retry} is below 1
     */
    public Duration delay(int retry, Duration retryAfter) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry counts from 1, not " + retry);
        }
        if (retryAfter != null) {
            return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter
                    : retryAfter.isNegative() ? Duration.ZERO : retryAfter;
        }
        long ceiling = initialDelay.toNanos();
        for (int i = 1; i < retry && ceiling < maxDelay.toNanos(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, maxDelay.toNanos());
        double r = Math.min(1.0, Math.max(0.0, random.getAsDouble()));
        return Duration.ofNanos((long) (r * ceiling));
    }

    /** {@return the settings of this policy} */
    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay
                + ", maxRetryAfter=" + maxRetryAfter + "]";
    }

    /** Builds a {@link RetryPolicy}. Not thread-safe. */
    public static final class Builder {
        private Duration initialDelay = Duration.ofMillis(500);
        private Duration maxDelay = Duration.ofSeconds(8);
        private int maxAttempts = 4;
        private Duration maxRetryAfter = Duration.ofSeconds(30);
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {
        }

        /**
         * The ceiling of the first retry's random wait; 500 ms by default.
         *
         * @param initialDelay zero or positive, never {@code null}
         * @return this builder
         */
        public Builder initialDelay(Duration initialDelay) {
            this.initialDelay = Objects.requireNonNull(initialDelay, "initialDelay");
            return this;
        }

        /**
         * The largest ceiling of a random wait; 8 s by default.
         *
         * @param maxDelay at least the initial delay, never {@code null}
         * @return this builder
         */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay");
            return this;
        }

        /**
         * Attempts in all, the first included; 4 by default, 1 turns retries off.
         *
         * @param maxAttempts at least 1
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * The longest {@code Retry-After} honoured; 30 s by default.
         *
         * @param maxRetryAfter zero or positive, never {@code null}
         * @return this builder
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /**
         * The source of jitter; for deterministic tests.
         *
         * @param random gives values in {@code [0, 1]}, never {@code null}
         * @return this builder
         */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * The policy.
         *
         * @return the policy
         * @throws IllegalArgumentException if the values contradict each other
         */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
