package io.github.seedream4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static RetryPolicy policy(double random) {
        return RetryPolicy.builder().initialDelay(Duration.ofMillis(100)).maxDelay(Duration.ofMillis(700))
                .maxAttempts(5).maxRetryAfter(Duration.ofSeconds(10)).random(() -> random).build();
    }

    @Test
    void delay_growsExponentiallyUpToTheCap() {
        RetryPolicy p = policy(1.0);
        assertThat(p.delay(1, null)).isEqualTo(Duration.ofMillis(100));
        assertThat(p.delay(2, null)).isEqualTo(Duration.ofMillis(200));
        assertThat(p.delay(3, null)).isEqualTo(Duration.ofMillis(400));
        assertThat(p.delay(4, null)).isEqualTo(Duration.ofMillis(700));
        assertThat(p.delay(60, null)).isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void delay_isFullJitterBetweenZeroAndTheCeiling() {
        assertThat(policy(0.0).delay(3, null)).isEqualTo(Duration.ZERO);
        assertThat(policy(0.5).delay(3, null)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void delay_honoursRetryAfterUpToItsCap() {
        RetryPolicy p = policy(0.0);
        assertThat(p.delay(1, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.delay(1, Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void builder_contradictoryValues() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.builder().initialDelay(Duration.ofSeconds(9))
                .maxDelay(Duration.ofSeconds(1)).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parse_deltaSeconds() {
        assertThat(RetryAfter.parse(" 120 ", Instant.EPOCH)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("0", Instant.EPOCH)).contains(Duration.ZERO);
    }

    @Test
    void parse_httpDate() {
        Instant now = Instant.parse("2015-10-21T07:27:30Z");
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", now)).contains(Duration.ofSeconds(30));
    }

    @Test
    void parse_httpDateInThePastMeansNoWait() {
        Instant now = Instant.parse("2015-10-21T08:00:00Z");
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", now)).contains(Duration.ZERO);
    }

    @Test
    void parse_malformedOrAbsent() {
        assertThat(RetryAfter.parse("soon", Instant.EPOCH)).isEmpty();
        assertThat(RetryAfter.parse("-5", Instant.EPOCH)).isEmpty();
        assertThat(RetryAfter.parse(null, Instant.EPOCH)).isEmpty();
        assertThat(RetryAfter.parse("", Instant.EPOCH)).isEmpty();
    }
}
