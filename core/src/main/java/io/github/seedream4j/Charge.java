package io.github.seedream4j;

import java.util.Collection;
import java.util.Objects;

/**
 * What a generation cost, and whether the provider reported that amount or seedream4j estimated it from the
 * provider's {@link PriceModel} (Cloudflare reports no cost; Runpod does).
 *
 * @param cost the amount, never {@code null}
 * @param basis how the amount is known, never {@code null}
 */
public record Charge(Cost cost, Basis basis) {

    /** How a charge is known. */
    public enum Basis {
        /** The provider reported the amount it charged. */
        REPORTED,
        /** seedream4j computed the amount from the provider's price model; the real bill may differ. */
        ESTIMATED
    }

    /**
     * Checks the parts.
     *
     * @param cost the amount
     * @param basis how the amount is known
     * @throws NullPointerException if a part is null
     */
    public Charge {
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(basis, "basis");
    }

    /**
     * An amount the provider reported.
     *
     * @param cost the amount, never {@code null}
     * @return a {@link Basis#REPORTED} charge
     * @throws NullPointerException if {@code cost} is null
     */
    public static Charge reported(Cost cost) {
        return new Charge(cost, Basis.REPORTED);
    }

    /**
     * An amount seedream4j estimated.
     *
     * @param cost the amount, never {@code null}
     * @return an {@link Basis#ESTIMATED} charge
     * @throws NullPointerException if {@code cost} is null
     */
    public static Charge estimated(Cost cost) {
        return new Charge(cost, Basis.ESTIMATED);
    }

    /** {@return whether the amount was estimated rather than reported} */
    public boolean isEstimated() {
        return basis == Basis.ESTIMATED;
    }

    /**
     * The sum of several charges: reported only when every part was reported.
     *
     * @param charges the charges, never {@code null} and holding no {@code null}
     * @return the exact total
     * @throws IllegalArgumentException if {@code charges} is empty
     * @throws InvalidRequestException if the currencies differ
     */
    public static Charge sum(Collection<Charge> charges) {
        if (charges.isEmpty()) {
            throw new IllegalArgumentException("nothing to sum: pass at least one charge");
        }
        Basis basis = charges.stream().anyMatch(Charge::isEstimated) ? Basis.ESTIMATED : Basis.REPORTED;
        return new Charge(Cost.sum(charges.stream().map(Charge::cost).toList()), basis);
    }

    /** {@return the cost and its basis, for example {@code "0.113246 USD (reported)"}} */
    @Override
    public String toString() {
        return cost + (isEstimated() ? " (estimated)" : " (reported)");
    }
}
