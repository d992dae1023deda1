package io.github.seedream4j;

import io.github.seedream4j.spi.Capabilities;
import java.util.List;

/**
 * Prices and validates requests for one provider without creating it: no credentials are needed and nothing is
 * ever sent. Get one from {@link SeedreamClient.Builder#buildEstimator()}; a {@link SeedreamClient} answers the same
 * questions through {@link SeedreamClient#estimate} and {@link SeedreamClient#validate}. Immutable and thread-safe.
 */
public final class CostEstimator {

    private final Planner planner;
    private final Capabilities capabilities;

    CostEstimator(Planner planner, Capabilities capabilities) {
        this.planner = planner;
        this.capabilities = capabilities;
    }

    /** The id of the provider estimated for. */
    public String providerId() {
        return planner.providerId();
    }

    /** What the provider can do, with its configured settings (such as its price). */
    public Capabilities capabilities() {
        return capabilities;
    }

    /**
     * What {@code request} would cost, from the provider's price model. Validates the request exactly as a
     * generation would.
     *
     * @throws InvalidRequestException if the request is invalid for this provider
     * @throws UnsupportedOptionException if it has options the provider cannot honour and the policy is REFUSE
     */
    public Charge estimate(GenerationRequest request) {
        Planner.Plan plan = planner.plan(request);
        return Charge.estimated(capabilities.pricing().estimate(plan.resolution, request.count()));
    }

    /**
     * Checks {@code request} and returns the warnings it would carry.
     *
     * @throws InvalidRequestException if the request is invalid for this provider
     * @throws UnsupportedOptionException if it has options the provider cannot honour and the policy is REFUSE
     */
    public List<Warning> validate(GenerationRequest request) {
        return planner.plan(request).warnings;
    }

    @Override
    public String toString() {
        return "CostEstimator[provider=" + providerId() + ", pricing=" + capabilities.pricing() + "]";
    }
}
