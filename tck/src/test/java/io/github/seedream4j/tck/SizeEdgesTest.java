package io.github.seedream4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.Resolution;
import io.github.seedream4j.spi.Capabilities;
import org.junit.jupiter.api.Test;

class SizeEdgesTest {

    @Test
    void inside_narrowsTheDeclaredRangeByTheModelLimits() {
        SizeEdges edges = new SizeEdges(Capabilities.builder().exactSizes(1, 4096).build());

        assertThat(edges.inside()).containsExactly(Resolution.of(240, 3840), Resolution.of(3840, 240),
                Resolution.of(4096, 256), Resolution.of(256, 4096));
    }

    @Test
    void outside_isOnePixelBeyondAReachableDeclaredEdge() {
        SizeEdges edges = new SizeEdges(Capabilities.builder().exactSizes(1024, 2048).build());

        assertThat(edges.inside()).containsExactly(Resolution.of(1024, 1024), Resolution.of(2048, 1024),
                Resolution.of(1024, 2048));
        assertThat(edges.outside()).containsExactly(Resolution.of(1023, 1024), Resolution.of(1024, 1023),
                Resolution.of(2049, 1024), Resolution.of(1024, 2049));
    }

    @Test
    void outside_isEmptyWhenTheModelLimitsAreNarrowerAtBothEnds() {
        SizeEdges edges = new SizeEdges(Capabilities.builder().build());

        assertThat(edges.inside()).containsExactly(Resolution.of(240, 3840), Resolution.of(3840, 240),
                Resolution.of(16384, 1024), Resolution.of(1024, 16384));
        assertThat(edges.outside()).isEmpty();
    }
}
