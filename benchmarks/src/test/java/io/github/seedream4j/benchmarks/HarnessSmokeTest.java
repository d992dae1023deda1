package io.github.seedream4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each case runs once at toy size, to prove the harness works; the numbers are not looked at. */
class HarnessSmokeTest {

    private static Map<String, String> run(String name, String... options) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (String kv : options) {
            String[] p = kv.split("=", 2);
            o.put(p[0], p[1]);
        }
        return new Main(o).run(name);
    }

    @Test
    void overhead_measuresBothSides() throws Exception {
        Map<String, String> out = run("overhead", "warmup=1", "rounds=3");
        assertThat(out).containsEntry("rounds", "3").containsKeys("library median ms", "raw HttpClient median ms",
                "ratio library/raw (median)");
    }

    @Test
    void notice_reportsEveryAge() throws Exception {
        Map<String, String> out = run("notice", "count=2", "ages=40,80");
        assertThat(out).containsKeys("jobs of 40 ms +-25%: noticed late, median ms",
                "jobs of 80 ms +-25%: noticed late, median ms");
    }

    @Test
    void inflight_bothProvidersFinishEveryGeneration() throws Exception {
        assertThat(run("inflight-fake", "n=3", "ms=10")).containsEntry("generations", "3");
        assertThat(run("inflight-runpod", "n=3", "ms=10")).containsEntry("generations", "3")
                .containsKey("peak live threads (whole JVM)");
    }

    @Test
    void disk_writesTheWholeFourKImage() throws Exception {
        assertThat(run("disk", "runs=1")).containsEntry("destination", "directory")
                .containsEntry("image bytes", RunpodStub.FOUR_K_BYTES + " (25.0 MiB)");
    }

    @Test
    void png_comparesWithImageIo() throws Exception {
        assertThat(run("png", "sides=1024", "reps=1")).containsKeys("1024x1024 fake generate median ms",
                "1024x1024 ImageIO / fake");
    }

    @Test
    void spread_coversThreeQuartersToFiveQuartersOfTheAge() {
        assertThat(Main.spread(1000, 0, 2)).isEqualTo(875);
        assertThat(Main.spread(1000, 1, 2)).isEqualTo(1125);
    }
}
