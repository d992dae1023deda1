package io.github.seedream4j.http;

import java.time.Duration;
import java.util.Objects;

/**
 * When to poll a job again: a pause proportional to the job's age, between a floor and a ceiling. A job that ends
 * at a random moment is then noticed, on average, about half a pause late, a fixed share of its age, and never more
 * than the ceiling late, while a long job costs few status calls. The {@linkplain #defaults() defaults}, a sixth of
 * the age from 250 ms to 3 s, notice a job about 8% of its age late; a pause that grows by half at every poll instead
 * reaches half the age after a few polls.
 *
 * <p>The age is counted from whatever moment the provider follows the job from (its submission, or the answer that
 * named it). Rate limits across jobs are not this type's business: see {@link PollGate}. Immutable and thread-safe.
 *
 * @param divisor the pause is the age divided by this, at least 1
 * @param floor the shortest pause, positive
 * @param ceiling the longest pause, at least {@code floor}
 */
public record PollSchedule(long divisor, Duration floor, Duration ceiling) {

    private static final PollSchedule DEFAULTS = new PollSchedule(6, Duration.ofMillis(250), Duration.ofSeconds(3));

    /**
     * Checks the bounds.
     *
     * @param divisor the pause is the age divided by this, at least 1
     * @param floor the shortest pause, positive, never {@code null}
     * @param ceiling the longest pause, at least {@code floor}, never {@code null}
     * @throws NullPointerException if {@code floor} or {@code ceiling} is null
     * @throws IllegalArgumentException if {@code divisor} is below 1, {@code floor} is not positive or
     *         {@code ceiling} is shorter than {@code floor}
     */
    public PollSchedule {
        Objects.requireNonNull(floor, "floor");
        Objects.requireNonNull(ceiling, "ceiling");
        if (divisor < 1 || floor.isZero() || floor.isNegative() || ceiling.compareTo(floor) < 0) {
            throw new IllegalArgumentException("a poll schedule needs divisor >= 1 and 0 < floor <= ceiling, not "
                    + "divisor " + divisor + ", floor " + floor + ", ceiling " + ceiling);
        }
    }

    /** {@return a sixth of the job's age, from 250 ms to 3 s: what Runpod, fal and Replicate use} */
    public static PollSchedule defaults() {
        return DEFAULTS;
    }

    /**
     * The pause before the next poll of a job of age {@code age}.
     *
     * @param age how long the job has been followed, never {@code null}; a negative age counts as zero
     * @return {@code age / divisor}, within {@code [floor, ceiling]}
     * @throws NullPointerException if {@code age} is null
     */
    public Duration pause(Duration age) {
        Objects.requireNonNull(age, "age");
        return Duration.ofNanos(pauseNanos(age.isNegative() ? 0 : saturatedNanos(age)));
    }

    /**
     * The pause before the next poll of a job followed since {@code startNanos}.
     *
     * @param startNanos a {@link System#nanoTime()} reading taken when following began
     * @return as {@link #pause(Duration)} for the age from then to now
     */
    public Duration pauseSince(long startNanos) {
        return Duration.ofNanos(pauseNanos(Math.max(0, System.nanoTime() - startNanos)));
    }

    /**
     * How many status calls this schedule asks for to see a job end that ends {@code length} after following began:
     * the first poll {@code first} after that moment, each further poll {@link #pause} after the one before, until a
     * poll comes at or after {@code length}. The count assumes answers take no time; since a real answer takes some,
     * and every later pause is then at least as long, a provider following this schedule makes at most this many
     * calls for such a job (retries of failed calls aside).
     *
     * @param first when the first poll comes, zero or positive, never {@code null}
     * @param length when the job ends, zero or positive, never {@code null}
     * @return the number of status calls, at least 1
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an argument is negative
     */
    public int polls(Duration first, Duration length) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(length, "length");
        if (first.isNegative() || length.isNegative()) {
            throw new IllegalArgumentException("first and length are zero or positive, not " + first + " and "
                    + length);
        }
        long at = saturatedNanos(first);
        long end = saturatedNanos(length);
        long floorNanos = saturatedNanos(floor);
        long ceilingNanos = saturatedNanos(ceiling);
        // the first age at which the pause is longer than the floor: age / divisor >= floor + 1
        long floorEnds = multiply(floorNanos + 1, divisor);
        long polls = 1;
        while (at < end && polls < Integer.MAX_VALUE) {
            long pause = pauseNanos(at);
            // a constant pause (at the ceiling until the end, at the floor until it grows) is counted at once
            long until = pause == ceilingNanos ? end : pause == floorNanos ? Math.min(end, floorEnds) : at + 1;
            long span = until - at;
            long steps = Math.max(1, span / pause + (span % pause > 0 ? 1 : 0));
            at = add(at, multiply(steps, pause));
            polls = add(polls, steps);
        }
        return (int) Math.min(Integer.MAX_VALUE, polls);
    }

    private static long multiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high != 0 || low < 0 ? Long.MAX_VALUE : low;
    }

    private static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private long pauseNanos(long ageNanos) {
        return Math.max(saturatedNanos(floor), Math.min(saturatedNanos(ceiling), ageNanos / divisor));
    }

    private static long saturatedNanos(Duration d) {
        return d.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : d.toNanos();
    }
}
