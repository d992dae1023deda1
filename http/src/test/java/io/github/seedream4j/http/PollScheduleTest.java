package io.github.seedream4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

    private static final PollSchedule DEFAULTS = PollSchedule.defaults();

    @Test
    void defaults_areASixthOfTheAgeFrom250msTo3s() {
        assertThat(DEFAULTS).isEqualTo(new PollSchedule(6, Duration.ofMillis(250), Duration.ofSeconds(3)));
        assertThat(DEFAULTS.pause(Duration.ZERO)).isEqualTo(Duration.ofMillis(250));
        assertThat(DEFAULTS.pause(Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(250));
        assertThat(DEFAULTS.pause(Duration.ofSeconds(6))).isEqualTo(Duration.ofSeconds(1));
        assertThat(DEFAULTS.pause(Duration.ofSeconds(12))).isEqualTo(Duration.ofSeconds(2));
        assertThat(DEFAULTS.pause(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(3));
        assertThat(DEFAULTS.pause(Duration.ofSeconds(-4))).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void pauseSince_countsTheAgeFromTheStart() {
        assertThat(DEFAULTS.pauseSince(System.nanoTime() - Duration.ofSeconds(12).toNanos()))
                .isBetween(Duration.ofSeconds(2), Duration.ofMillis(2500));
        assertThat(DEFAULTS.pauseSince(System.nanoTime() + Duration.ofSeconds(60).toNanos()))
                .isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void polls_countsTheCallsUntilOneComesAtOrAfterTheEnd() {
        assertThat(DEFAULTS.polls(Duration.ZERO, Duration.ZERO)).isEqualTo(1);
        assertThat(DEFAULTS.polls(Duration.ofMillis(250), Duration.ZERO)).isEqualTo(1);
        // 0, 250, 500, 750 and 1000 ms
        assertThat(DEFAULTS.polls(Duration.ZERO, Duration.ofSeconds(1))).isEqualTo(5);
        // 0 to 1750 ms every 250 ms, then 1750 + 1750/6
        assertThat(DEFAULTS.polls(Duration.ZERO, Duration.ofSeconds(2))).isEqualTo(9);
        // the last poll comes at or after the end, so one more than the polls before it (docs/benchmarks.md: ~19, ~37)
        assertThat(DEFAULTS.polls(Duration.ZERO, Duration.ofSeconds(10))).isEqualTo(20);
        assertThat(DEFAULTS.polls(Duration.ZERO, Duration.ofSeconds(60))).isEqualTo(38);
    }

    @Test
    void polls_agreesWithFollowingTheSchedulePollByPoll() {
        Random random = new Random(18);
        for (int i = 0; i < 2_000; i++) {
            long floor = 1 + random.nextInt(1_000_000_000);
            PollSchedule s = new PollSchedule(1 + random.nextInt(20), Duration.ofNanos(floor),
                    Duration.ofNanos(floor + random.nextInt(5) * (long) random.nextInt(1_000_000_000)));
            Duration first = Duration.ofNanos(random.nextInt(500_000_000));
            Duration length = Duration.ofNanos((long) (random.nextDouble() * 120e9));

            assertThat(s.polls(first, length)).as("%s first %s length %s", s, first, length)
                    .isEqualTo(pollByPoll(s, first, length));
        }
    }

    @Test
    void polls_ofAnEndlessJobSaturates() {
        PollSchedule s = new PollSchedule(6, Duration.ofNanos(1), Duration.ofNanos(1));

        assertThat(s.polls(Duration.ZERO, Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Integer.MAX_VALUE);
        assertThat(DEFAULTS.polls(Duration.ZERO, Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void constructor_refusesBoundsThatMakeNoSchedule() {
        assertThatThrownBy(() -> new PollSchedule(0, Duration.ofMillis(250), Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a poll schedule needs divisor >= 1 and 0 < "
                        + "floor <= ceiling, not divisor 0, floor PT0.25S, ceiling PT3S");
        assertThatThrownBy(() -> new PollSchedule(6, Duration.ZERO, Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PollSchedule(6, Duration.ofSeconds(4), Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEFAULTS.polls(Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The count by the definition: one poll after another until one comes at or after the end. */
    private static int pollByPoll(PollSchedule s, Duration first, Duration length) {
        Duration at = first;
        int polls = 1;
        while (at.compareTo(length) < 0) {
            at = at.plus(s.pause(at));
            polls++;
        }
        return polls;
    }
}
