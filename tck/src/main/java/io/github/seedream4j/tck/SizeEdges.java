package io.github.seedream4j.tck;

import io.github.seedream4j.ModelLimits;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.spi.Capabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The edges of the exact sizes a provider can be asked for: its declared side range, narrowed by the model's own
 * limits ({@link ModelLimits}), which core applies to every exact size. Each edge is paired with the cheapest
 * other side that makes a valid request.
 */
final class SizeEdges {

    private final int minSide;
    private final int maxSide;

    SizeEdges(Capabilities capabilities) {
        this.minSide = capabilities.minSide();
        this.maxSide = capabilities.maxSide();
    }

    /** The smallest valid other side for a side of {@code side} pixels, if any. */
    Optional<Integer> cheapestPartner(int side) {
        long lowest = Math.max(minSide, Math.max(ceilDiv(ModelLimits.MIN_PIXELS, side),
                ceilDiv(side, ModelLimits.MAX_RATIO)));
        long highest = Math.min(maxSide, Math.min(ModelLimits.MAX_PIXELS / side, (long) ModelLimits.MAX_RATIO * side));
        return lowest <= highest ? Optional.of((int) lowest) : Optional.empty();
    }

    /** The smallest side that is part of some valid request. */
    Optional<Integer> lowest() {
        for (int s = minSide; s <= maxSide; s++) {
            if (cheapestPartner(s).isPresent()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The largest side that is part of some valid request. */
    Optional<Integer> highest() {
        for (int s = maxSide; s >= minSide; s--) {
            if (cheapestPartner(s).isPresent()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Valid sizes at the edges: the lowest and highest side, each as width and as height. */
    List<Resolution> inside() {
        List<Resolution> sizes = new ArrayList<>();
        for (Optional<Integer> edge : List.of(lowest(), highest())) {
            edge.ifPresent(s -> {
                int other = cheapestPartner(s).orElseThrow();
                addOnce(sizes, Resolution.of(s, other));
                addOnce(sizes, Resolution.of(other, s));
            });
        }
        return sizes;
    }

    /**
     * Sizes one pixel beyond the declared range, when the model's limits would otherwise allow them, so that the
     * refusal can come only from the provider's declared range.
     */
    List<Resolution> outside() {
        List<Resolution> sizes = new ArrayList<>();
        if (minSide > 1 && lowest().orElse(-1) == minSide) {
            int s = minSide - 1;
            cheapestPartner(s).ifPresent(o -> {
                addOnce(sizes, Resolution.of(s, o));
                addOnce(sizes, Resolution.of(o, s));
            });
        }
        if (maxSide < Resolution.MAX_SIDE && highest().orElse(-1) == maxSide) {
            int s = maxSide + 1;
            cheapestPartner(s).ifPresent(o -> {
                addOnce(sizes, Resolution.of(s, o));
                addOnce(sizes, Resolution.of(o, s));
            });
        }
        return sizes;
    }

    /**
     * Why {@link #outside()} has no size at one end or both: one pixel beyond the declared side is refused by the
     * model's own limits, or cannot be a resolution at all, so a refusal would not prove the declared range.
     */
    String whyNothingOutside() {
        return "no size one pixel outside the declared range " + minSide + ".." + maxSide
                + " is refused by that range alone: " + lowEnd() + "; " + highEnd();
    }

    private String lowEnd() {
        Optional<Integer> lowest = lowest();
        if (minSide == 1) {
            return "no side is smaller than the declared smallest side, 1";
        }
        if (lowest.isEmpty()) {
            return "the model's limits allow none of the declared sides";
        }
        if (lowest.get() > minSide) {
            return "the model's limits allow no side below " + lowest.get() + ", which is above the declared "
                    + "smallest side " + minSide;
        }
        return "the declared smallest side " + minSide + " is also the smallest the model allows, so "
                + (minSide - 1) + " is refused by the model's limits";
    }

    private String highEnd() {
        Optional<Integer> highest = highest();
        if (highest.isEmpty()) {
            return "the model's limits allow none of the declared sides";
        }
        if (highest.get() < maxSide) {
            return "the model's limits allow no side above " + highest.get() + ", which is below the declared "
                    + "largest side " + maxSide;
        }
        if (maxSide == Resolution.MAX_SIDE) {
            return "the declared largest side " + maxSide + " is the largest side any resolution may have";
        }
        return "the declared largest side " + maxSide + " is also the largest the model allows, so "
                + (maxSide + 1) + " is refused by the model's limits";
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static void addOnce(List<Resolution> sizes, Resolution r) {
        if (!sizes.contains(r)) {
            sizes.add(r);
        }
    }
}
