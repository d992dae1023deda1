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

    /** {@return the id of the provider estimated for} */
    public String providerId() {
        return planner.providerId();
    }

    /** {@return what the provider can do, with its configured settings (such as its price)} */
    public Capabilities capabilities() {
        return capabilities;
    }

    /**
     * What {@code request} would cost, from the provider's price model. Validates the request exactly as a
     * generation would.
     *
     * @param request the request, never {@code null}
     * @return an {@link Charge.Basis#ESTIMATED} charge for all the request's images; for a sequential set, the
     *         most it can cost (every image of the set made), which is what a budget must reserve
     * @throws NullPointerException if {@code request} is null
     * @throws InvalidRequestException if the request is invalid for this provider
     * @throws UnsupportedOptionException if it has options the provider cannot honour and the policy is REFUSE
     */
    public Charge estimate(GenerationRequest request) {
        Planner.Plan plan = planner.plan(request);
        return Charge.estimated(capabilities.pricing().estimate(plan.resolution, plan.outputs));
    }

    /**
     * The least {@code request} can cost: the same as {@link #estimate} for independent images, one image's price
     * for a sequential set (the model may make a single image).
     *
     * @param request the request, never {@code null}
     * @return an {@link Charge.Basis#ESTIMATED} charge
     * @throws NullPointerException if {@code request} is null
     * @throws InvalidRequestException if the request is invalid for this provider
     * @throws UnsupportedOptionException if it has options the provider cannot honour and the policy is REFUSE
     */
    public Charge estimateLeast(GenerationRequest request) {
        Planner.Plan plan = planner.plan(request);
        boolean set = plan.calls.size() == 1 && plan.calls.get(0).sent().maxImages().isPresent();
        return Charge.estimated(capabilities.pricing().estimate(plan.resolution, set ? 1 : plan.outputs));
    }

    /**
     * Checks {@code request} and returns the warnings it would carry.
     *
     * @param request the request, never {@code null}
     * @return the warnings, empty when the request would be sent as given; never {@code null}
     * @throws NullPointerException if {@code request} is null
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
