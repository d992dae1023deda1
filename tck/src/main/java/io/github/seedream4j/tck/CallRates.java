package io.github.seedream4j.tck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rates of calls a stub received, from their arrival times ({@link System#nanoTime()}): for checking that a provider
 * keeps its status calls under a cap such as {@code max-polls-per-second}. A call that reaches the stub late bunches
 * with the next, so a check over two seconds is steadier than one over one.
 */
public final class CallRates {

    private CallRates() {
    }

    /**
     * The most calls in any stretch of {@code span}.
     *
     * @param span the stretch, positive
     * @param nanoTimes the calls' arrival times, in any order
     * @return the largest number of calls within one stretch; 0 when there are none
     */
    public static int mostIn(Duration span, List<Long> nanoTimes) {
        long width = span.toNanos();
        List<Long> sorted = new ArrayList<>(nanoTimes);
        Collections.sort(sorted);
        int most = 0;
        int from = 0;
        for (int to = 0; to < sorted.size(); to++) {
            while (sorted.get(to) - sorted.get(from) >= width) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }

    /**
     * The mean rate from the first call to the last.
     *
     * @param nanoTimes the calls' arrival times, at least two, in any order
     * @return calls per second
     */
    public static double perSecond(List<Long> nanoTimes) {
        long first = Collections.min(nanoTimes);
        long last = Collections.max(nanoTimes);
        return (nanoTimes.size() - 1) * 1e9 / Math.max(1, last - first);
    }
}
