package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.AuthenticationException;
import io.github.seedream4j.Charge;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.Cost;
import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.GenerationTimeoutException;
import io.github.seedream4j.ImageDownloadException;
import io.github.seedream4j.InsufficientCreditException;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.OutcomeUnknownException;
import io.github.seedream4j.ProviderSelectionException;
import io.github.seedream4j.ProviderUnavailableException;
import io.github.seedream4j.RateLimitedException;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.UnsupportedOptionException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule of issue 16, defect 2: a budget reservation is given back only when the provider surely did not accept. */
class BillingTest {

    /** Refusals that come before acceptance. */
    static final List<Class<? extends SeedreamException>> REFUSED_BEFORE = List.of(InvalidRequestException.class,
            UnsupportedOptionException.class, ProviderSelectionException.class, ConfigurationException.class,
            AuthenticationException.class, InsufficientCreditException.class, RateLimitedException.class,
            ProviderUnavailableException.class);
    /** Failures after the provider may have accepted, and billed. */
    static final List<Class<? extends SeedreamException>> MAY_BE_BILLED = List.of(GenerationFailedException.class,
            OutcomeUnknownException.class, GenerationTimeoutException.class, GenerationCancelledException.class,
            ImageDownloadException.class);

    @Test
    void everyExceptionSubtypeIsClassified() {
        List<Class<? extends SeedreamException>> classified = new ArrayList<>(REFUSED_BEFORE);
        classified.addAll(MAY_BE_BILLED);

        assertThat(Exceptions.subtypes()).as("classify a new SeedreamException subtype here and in Billing")
                .containsExactlyInAnyOrderElementsOf(classified);
    }

    @Test
    void surelyNotAccepted_onlyForRefusalsWithoutJob() {
        for (Class<? extends SeedreamException> type : Exceptions.subtypes()) {
            SeedreamException withoutJob = Exceptions.of(type, null);
            assertThat(Billing.surelyNotAccepted(withoutJob, false)).as(type.getSimpleName())
                    .isEqualTo(REFUSED_BEFORE.contains(type));
            assertThat(Billing.surelyNotAccepted(withoutJob, true)).as(type + " after a job id").isFalse();
            SeedreamException withJob = Exceptions.of(type, "job-9");
            if (withJob.jobId().isPresent()) {
                assertThat(Billing.surelyNotAccepted(withJob, false)).as(type + " with a job id").isFalse();
            }
        }
        assertThat(Billing.surelyNotAccepted(new IllegalStateException("a bug"), false)).isFalse();
    }

    @Test
    void plausible_reportedCostAboveAHundredEstimatesAndADollarIsNot() {
        Cost estimate = Cost.usd("0.03");

        assertThat(Billing.plausible(Charge.reported(Cost.usd("3")), estimate)).isTrue();
        assertThat(Billing.plausible(Charge.reported(Cost.usd("3.01")), estimate)).isFalse();
        assertThat(Billing.plausible(Charge.reported(Cost.usd("1")), Cost.usd("0"))).isTrue();
        assertThat(Billing.plausible(Charge.reported(Cost.usd("1.5")), Cost.usd("0"))).isFalse();
        assertThat(Billing.plausible(Charge.estimated(Cost.usd("1000")), estimate)).isTrue();
    }
}
