package io.github.seedream4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The gate on virtual time: every poll's moment is exact, and a minute of polling takes no time. */
class PollGateTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final VirtualTime time = new VirtualTime();
    private final List<Long> polls = new ArrayList<>();

    /** A job that polls through the gate until it is {@code length} old, pausing as {@code pause} says. */
    private final class Job {
        final VirtualContext context;
        final PollGate gate;
        final Function<Duration, Duration> pause;
        final long start = time.now();
        final long length;
        final List<Long> mine = new ArrayList<>();
        int ended;

        Job(PollGate gate, Function<Duration, Duration> pause, long length, Duration timeout) {
            this.gate = gate;
            this.pause = pause;
            this.length = length;
            this.context = new VirtualContext(time, timeout);
        }

        Job next() {
            gate.schedule(context, pause.apply(Duration.ofNanos(time.now() - start)), this::poll, () -> ended++);
            return this;
        }

        private void poll() {
            mine.add(time.now());
            polls.add(time.now());
            if (time.now() - start < length) {
                next();
            }
        }
    }

    private List<Job> jobs(int n, PollGate gate, Function<Duration, Duration> pause, long length) {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            jobs.add(new Job(gate, pause, length, Duration.ofHours(1)).next());
        }
        return jobs;
    }

    @Test
    void schedule_keepsManyJobsUnderTheCapOverTime() {
        PollGate gate = PollGate.perSecond(5, time);
        List<Job> jobs = jobs(200, gate, PollSchedule.defaults()::pause, Long.MAX_VALUE);

        time.runUntil(time.now() + 60 * SECOND);

        // the schedule alone would poll 200 young jobs 800 times a second; the gate lets 5 through, 200 ms apart,
        // from the first pause's end at 250 ms to 59.85 s
        assertThat(polls).hasSize(299);
        for (int i = 1; i < polls.size(); i++) {
            assertThat(polls.get(i) - polls.get(i - 1)).isGreaterThanOrEqualTo(200 * MS);
        }
        assertThat(mostInAnySecond(polls)).isEqualTo(5);
        assertThat(jobs).allSatisfy(j -> assertThat(j.mine).isNotEmpty());
    }

    @Test
    void schedule_servesJobsInTurnSoNoneStarves() {
        PollGate gate = PollGate.perSecond(10, time);
        List<Job> eager = jobs(50, gate, age -> Duration.ZERO, Long.MAX_VALUE);
        Job patient = new Job(gate, age -> Duration.ofSeconds(3), Long.MAX_VALUE, Duration.ofHours(1)).next();

        time.runUntil(time.now() + 100 * SECOND);

        // 1,000 slots in 100 s; 50 jobs that ask again at once share them in turn, 19 or 20 each
        assertThat(eager).allSatisfy(j -> assertThat(j.mine.size()).isBetween(19, 20));
        assertThat(eager).allSatisfy(j -> assertThat(longestGap(j.mine)).isLessThanOrEqualTo(51 * 100 * MS));
        // one that asks every 3 s waits behind the 50 asking before it, never longer
        assertThat(patient.mine).hasSizeGreaterThanOrEqualTo(100 / 9);
        assertThat(longestGap(patient.mine)).isLessThanOrEqualTo(3 * SECOND + 51 * 100 * MS);
    }

    @Test
    void schedule_unlimitedPollsWhenThePauseIsOver() {
        List<Job> jobs = jobs(1_000, PollGate.unlimited(), age -> Duration.ofMillis(250), 0);

        time.runUntil(time.now() + 250 * MS);

        assertThat(polls).hasSize(1_000).containsOnly(time.now());
        assertThat(jobs).allSatisfy(j -> assertThat(j.ended).isZero());
        assertThat(PollGate.unlimited().isUnlimited()).isTrue();
        assertThat(PollGate.unlimited().maxPerSecond()).isEmpty();
        assertThat(PollGate.unlimited()).hasToString("PollGate[unlimited]");
    }

    @Test
    void schedule_aCancelledJobStopsWaitingAtOnceAndItsSlotGoesToTheNext() {
        PollGate gate = PollGate.perSecond(1, time);
        long t0 = time.now();
        List<Job> jobs = jobs(3, gate, age -> Duration.ZERO, 0);
        time.runUntil(t0); // the first polls at once, the second and third hold the slots at 1 s and 2 s
        Job second = jobs.get(1);

        second.context.cancel();
        Job late = new Job(gate, age -> Duration.ZERO, 0, Duration.ofHours(1)).next();
        time.runUntil(t0 + 10 * SECOND);

        assertThat(second.ended).isEqualTo(1);
        assertThat(second.mine).isEmpty();
        assertThat(late.mine).containsExactly(t0 + SECOND);
        assertThat(jobs.get(2).mine).containsExactly(t0 + 2 * SECOND);
    }

    @Test
    void schedule_aJobWhoseDeadlineComesBeforeItsSlotTakesNoneAndEndsAtTheDeadline() {
        PollGate gate = PollGate.perSecond(1, time);
        long t0 = time.now();
        jobs(10, gate, age -> Duration.ZERO, 0); // slots 0 to 9 s
        time.runUntil(t0);

        Job hurried = new Job(gate, age -> Duration.ZERO, 0, Duration.ofSeconds(2)).next();
        Job after = new Job(gate, age -> Duration.ZERO, 0, Duration.ofHours(1)).next();
        time.runUntil(t0 + 2 * SECOND);

        assertThat(hurried.ended).isEqualTo(1);
        assertThat(hurried.mine).isEmpty();
        time.runUntil(t0 + 20 * SECOND);
        assertThat(after.mine).containsExactly(t0 + 10 * SECOND);
        assertThat(hurried.mine).isEmpty();
        assertThat(hurried.ended).isEqualTo(1);
    }

    @Test
    void schedule_aJobPastItsDeadlineThatTheClientDidNotEndStillPolls() {
        PollGate gate = PollGate.perSecond(1, time);
        long t0 = time.now();
        jobs(5, gate, age -> Duration.ZERO, 0);
        time.runUntil(t0);
        VirtualContext unended = new VirtualContext(time, Duration.ofDays(1)) {
            @Override
            public Duration remaining() {
                return Duration.ZERO;
            }
        };
        List<Long> mine = new ArrayList<>();

        gate.schedule(unended, Duration.ZERO, () -> mine.add(time.now()), () -> mine.add(-1L));
        time.runUntil(t0 + 10 * SECOND);

        assertThat(mine).containsExactly(t0 + 5 * SECOND);
    }

    @Test
    void schedule_endsWithoutPollingWhenAlreadyCancelledOrTheSchedulerRefuses() {
        PollGate gate = PollGate.perSecond(5, time);
        VirtualContext cancelled = new VirtualContext(time, Duration.ofHours(1));
        cancelled.cancel();
        List<String> what = new ArrayList<>();

        gate.schedule(cancelled, Duration.ZERO, () -> what.add("poll"), () -> what.add("ended"));
        VirtualContext refused = new VirtualContext(time, Duration.ofHours(1));
        time.shutdown();
        gate.schedule(refused, Duration.ZERO, () -> what.add("poll"), () -> what.add("ended after refusal"));
        time.runUntil(time.now() + SECOND);

        assertThat(what).containsExactly("ended", "ended after refusal");
    }

    @Test
    void schedule_takesPausesAndDeadlinesTooLongToCountInNanoseconds() {
        PollGate gate = PollGate.perSecond(1, time);
        VirtualContext forever = new VirtualContext(time, Duration.ofDays(1)) {
            @Override
            public Duration remaining() {
                return Duration.ofDays(365L * 1_000);
            }
        };
        List<String> what = new ArrayList<>();

        gate.schedule(forever, Duration.ZERO, () -> what.add("polled"), () -> what.add("ended"));
        gate.schedule(forever, Duration.ofDays(365L * 1_000), () -> what.add("polled late"), () -> what.add("ended"));
        time.runUntil(time.now() + SECOND);

        assertThat(what).containsExactly("polled");
    }

    @Test
    void claim_handsOutSlotsOneIntervalApartAndTakesBackTheLast() {
        PollGate gate = PollGate.perSecond(4, time);
        long t0 = time.now();

        assertThat(gate.claim(t0, PollGate.NONE)).isEqualTo(t0);
        assertThat(gate.claim(t0, PollGate.NONE)).isEqualTo(t0 + 250 * MS);
        long third = gate.claim(t0, PollGate.NONE);
        assertThat(third).isEqualTo(t0 + 500 * MS);
        assertThat(gate.claim(t0, t0 + 600 * MS)).isEqualTo(PollGate.NONE);
        gate.release(third);
        assertThat(gate.claim(t0, t0 + 600 * MS)).isEqualTo(t0 + 500 * MS);
        // after a quiet spell the next slot is now, not a burst of the slots that went unused
        assertThat(gate.claim(t0 + 10 * SECOND, PollGate.NONE)).isEqualTo(t0 + 10 * SECOND);
        assertThat(gate.claim(t0 + 10 * SECOND, PollGate.NONE)).isEqualTo(t0 + 10 * SECOND + 250 * MS);
    }

    @Test
    void perSecond_refusesACapOutsideItsRange() {
        assertThatThrownBy(() -> PollGate.perSecond(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a poll gate takes 0.01 to 1000000 status calls per second, not 0.0; use "
                        + "PollGate.unlimited() for no cap");
        assertThatThrownBy(() -> PollGate.perSecond(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PollGate.perSecond(2e6)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PollGate.perSecond(0.5).maxPerSecond()).hasValue(0.5);
        assertThat(PollGate.perSecond(0.5)).hasToString("PollGate[0.5/s]");
    }

    private static int mostInAnySecond(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        int most = 0;
        int from = 0;
        for (int to = 0; to < sorted.size(); to++) {
            while (sorted.get(to) - sorted.get(from) >= SECOND) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }

    private static long longestGap(List<Long> times) {
        long longest = 0;
        for (int i = 1; i < times.size(); i++) {
            longest = Math.max(longest, times.get(i) - times.get(i - 1));
        }
        return longest;
    }
}
