package io.github.seedream4j.cli;

import io.github.seedream4j.AuthenticationException;
import io.github.seedream4j.Charge;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.Cost;
import io.github.seedream4j.InsufficientCreditException;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.ProviderSelectionException;
import io.github.seedream4j.ProviderUnavailableException;
import io.github.seedream4j.RateLimitedException;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.UnsupportedOptionException;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What a failure means for the money. The budget counts every job the provider may bill: a failed generation
 * gives its reservation back only when the provider surely did not accept the request. That is the case only for
 * refusals that come before acceptance (bad request or configuration, credentials, credit, rate limit, the provider
 * unreachable) and carry no job id, and only when the generation's handle reported no job for it. Everything else
 * (a job id, {@code OutcomeUnknownException}, a failed download, a timeout, a cancellation, a bug) may have been
 * billed.
 */
final class Billing {

    /** A reported cost above this many times the estimate (and above {@link #FLOOR}) is not believed. */
    static final BigDecimal IMPLAUSIBLE_FACTOR = BigDecimal.valueOf(100);
    /** Reported costs up to this are always believed, so a zero-priced estimate does not make every cost absurd. */
    static final BigDecimal FLOOR = BigDecimal.ONE;

    private Billing() {
    }

    /** The exception a future failed with, without its {@code CompletionException} wrapping. */
    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The provider's job id an error carries, if any. */
    static Optional<String> jobOf(Throwable t) {
        return t instanceof SeedreamException ? ((SeedreamException) t).jobId() : Optional.empty();
    }

    /**
     * Whether a generation that failed with {@code error} surely was not accepted by the provider.
     *
     * @param error the failure, unwrapped
     * @param acceptedSeen whether the generation reported a job id
     */
    static boolean surelyNotAccepted(Throwable error, boolean acceptedSeen) {
        if (acceptedSeen || !(error instanceof SeedreamException)) {
            return false;
        }
        SeedreamException e = (SeedreamException) error;
        if (e.jobId().isPresent()) {
            return false;
        }
        return e instanceof InvalidRequestException || e instanceof UnsupportedOptionException
                || e instanceof ProviderSelectionException || e instanceof ConfigurationException
                || e instanceof AuthenticationException || e instanceof InsufficientCreditException
                || e instanceof RateLimitedException || e instanceof ProviderUnavailableException;
    }

    /**
     * Whether a cost the provider reported can be believed next to the estimate: a reported cost more than
     * {@link #IMPLAUSIBLE_FACTOR} times the estimate, and more than {@link #FLOOR}, is not.
     */
    static boolean plausible(Charge charge, Cost estimate) {
        if (charge.isEstimated() || estimate == null) {
            return true;
        }
        BigDecimal limit = estimate.amount().multiply(IMPLAUSIBLE_FACTOR).max(FLOOR);
        return charge.cost().amount().compareTo(limit) <= 0;
    }
}
