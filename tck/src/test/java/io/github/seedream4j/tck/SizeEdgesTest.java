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

    @Test
    void whyNothingOutside_saysTheDeclaredLargestSideEqualsTheModelsLimit() {
        SizeEdges edges = new SizeEdges(Capabilities.builder().exactSizes(1, 16384).build());

        assertThat(edges.outside()).isEmpty();
        assertThat(edges.whyNothingOutside()).isEqualTo("no size one pixel outside the declared range 1..16384 is "
                + "refused by that range alone: no side is smaller than the declared smallest side, 1; the declared "
                + "largest side 16384 is also the largest the model allows, so 16385 is refused by the model's "
                + "limits");
    }

    @Test
    void whyNothingOutside_saysWhenTheModelsLimitsAreNarrower() {
        SizeEdges edges = new SizeEdges(Capabilities.builder().exactSizes(100, 65536).build());

        assertThat(edges.outside()).isEmpty();
        assertThat(edges.whyNothingOutside()).isEqualTo("no size one pixel outside the declared range 100..65536 is "
                + "refused by that range alone: the model's limits allow no side below 240, which is above the "
                + "declared smallest side 100; the model's limits allow no side above 16384, which is below the "
                + "declared largest side 65536");
    }

    @Test
    void whyNothingOutside_saysWhenTheDeclaredSmallestSideEqualsTheModelsLimit() {
        SizeEdges edges = new SizeEdges(Capabilities.builder().exactSizes(240, 16384).build());

        assertThat(edges.outside()).isEmpty();
        assertThat(edges.whyNothingOutside()).startsWith("no size one pixel outside the declared range 240..16384 is "
                + "refused by that range alone: the declared smallest side 240 is also the smallest the model "
                + "allows, so 239 is refused by the model's limits; ");
    }
}
