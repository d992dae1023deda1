package io.github.seedream4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallRatesTest {

    private static final long MS = 1_000_000L;

    @Test
    void mostIn_countsTheBusiestStretchWhateverTheOrder() {
        List<Long> times = List.of(900 * MS, 0L, 100 * MS, 1_050 * MS, 1_100 * MS, 2_500 * MS);

        // stretches are half-open: 100 ms to 1,100 ms holds 100, 900 and 1,050, not 1,100
        assertThat(CallRates.mostIn(Duration.ofSeconds(1), times)).isEqualTo(3);
        assertThat(CallRates.mostIn(Duration.ofMillis(1_001), times)).isEqualTo(4);
        assertThat(CallRates.mostIn(Duration.ofMillis(100), times)).isEqualTo(2);
        assertThat(CallRates.mostIn(Duration.ofSeconds(1), List.of())).isZero();
    }

    @Test
    void perSecond_isTheMeanRateFromFirstToLast() {
        assertThat(CallRates.perSecond(List.of(2_000 * MS, 0L, 1_000 * MS, 500 * MS, 1_500 * MS)))
                .isCloseTo(2.0, within(1e-9));
    }
}
