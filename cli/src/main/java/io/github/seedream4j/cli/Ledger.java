package io.github.seedream4j.cli;

import io.github.seedream4j.Charge;
import io.github.seedream4j.Cost;

/**
 * The counts and the money of one batch run. The budget ({@code --max-cost}) is checked against what is
 * <em>committed</em>: the charges of images done, the estimates of generations running, and the estimates of
 * generations that failed after the provider may have accepted them (billed, but no image: "lost"). A reservation
 * is given back only for a generation the provider surely did not accept. Thread-safe.
 */
final class Ledger {

    /** A consistent copy of the figures. */
    record Totals(int total, int done, int earlier, int resumed, int failed, int skipped, int changed, int running,
            Cost reported, Cost estimated, int unknownCost, Cost unknownEstimate, int lost, Cost lostEstimate,
            Cost committed) {

        /** Images settled this run or before. */
        int finished() {
            return done + earlier + failed + skipped + changed;
        }

        /** What this run spent or may have been billed: charges, plus the estimates of unknown and lost ones. */
        Cost spent() {
            return reported.plus(estimated).plus(unknownEstimate).plus(lostEstimate);
        }
    }

    private final int total;
    private int done;
    private int earlier;
    private int resumed;
    private int failed;
    private int skipped;
    private int changed;
    private int running;
    private Cost reported = Cost.ZERO_USD;
    private Cost estimated = Cost.ZERO_USD;
    private int unknownCost;
    private Cost unknownEstimate = Cost.ZERO_USD;
    private int lost;
    private Cost lostEstimate = Cost.ZERO_USD;
    private Cost committed = Cost.ZERO_USD;

    Ledger(int total, int failedBefore) {
        this.total = total;
        this.failed = failedBefore;
    }

    synchronized void alreadyDone() {
        earlier++;
    }

    synchronized void skipped() {
        skipped++;
    }

    synchronized void changed() {
        changed++;
    }

    /** A line that failed before anything was sent for it. */
    synchronized void failedUnsent() {
        failed++;
    }

    /**
     * Commits {@code estimate} of {@code budget} (null: no budget) if it fits, and counts a generation running.
     *
     * @return false, committing nothing, when it would take the run past the budget
     */
    synchronized boolean reserve(Cost estimate, Cost budget) {
        Cost next = committed.plus(estimate);
        if (budget != null && next.compareTo(budget) > 0) {
            return false;
        }
        committed = next;
        running++;
        return true;
    }

    /** A resumed job starts: its cost was committed by the run that submitted it. */
    synchronized void resuming() {
        running++;
    }

    /**
     * An image is done. {@code charge} null means its cost is unknown: the reservation (or, when resumed, the
     * estimate) stands for it.
     */
    synchronized void done(Cost reserved, Charge charge, Cost estimate, boolean wasResumed) {
        running--;
        done++;
        if (wasResumed) {
            resumed++;
        }
        if (charge == null) {
            unknownCost++;
            unknownEstimate = unknownEstimate.plus(estimate);
            return;
        }
        if (charge.isEstimated()) {
            estimated = estimated.plus(charge.cost());
        } else {
            reported = reported.plus(charge.cost());
        }
        if (reserved != null) {
            committed = minus(committed, reserved).plus(charge.cost());
        }
    }

    /**
     * A generation failed. When the provider may have billed it, its reservation stays committed and it counts as
     * lost; otherwise the reservation is given back.
     */
    synchronized void failed(Cost reserved, Cost estimate, boolean mayBeBilled) {
        running--;
        failed++;
        if (mayBeBilled) {
            lost++;
            lostEstimate = lostEstimate.plus(estimate);
        } else if (reserved != null) {
            committed = minus(committed, reserved);
        }
    }

    synchronized Totals totals() {
        return new Totals(total, done, earlier, resumed, failed, skipped, changed, running, reported, estimated,
                unknownCost, unknownEstimate, lost, lostEstimate, committed);
    }

    private static Cost minus(Cost a, Cost b) {
        return new Cost(a.amount().subtract(b.amount()).max(java.math.BigDecimal.ZERO), a.currency());
    }
}
