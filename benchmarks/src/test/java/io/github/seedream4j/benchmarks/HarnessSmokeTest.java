package io.github.seedream4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {"runpod", "cloudflare", "modelark", "fal", "replicate"})
    void overhead_measuresBothSidesForEveryProvider(String provider) throws Exception {
        Map<String, String> out = run("overhead", "provider=" + provider, "stub=inline", "warmup=1", "rounds=2");
        assertThat(out).containsEntry("rounds", "2 after 1 warm-up").containsKeys("load average (1, 5, 15 min)",
                "seedream4j median ms", "raw median ms", "ratio seedream4j/raw (medians)",
                "allocated per generation, seedream4j (median)", "allocated per generation, raw (median)");
    }

    @Test
    void overhead_comparesModelArksTwoResponseFormatsInOneRun() throws Exception {
        Map<String, String> out = run("overhead", "provider=modelark", "format=url,b64_json", "img=2k",
                "stub=inline", "warmup=0", "rounds=1");
        assertThat(out).containsEntry("provider", "modelark (response_format url, b64_json)")
                .containsEntry("image", "2k (2048x2048, " + StubServer.TWO_K_BYTES + " bytes)")
                .containsKeys("seedream4j median ms, url", "raw median ms, url", "seedream4j median ms, b64_json",
                        "allocated per generation, seedream4j (median), b64_json");
    }

    @Test
    void inflight_reportsBothSidesAndTheSchedule() throws Exception {
        Map<String, String> out = run("inflight", "provider=runpod", "jobs=3", "ms=300", "rounds=1",
                "stub=inline", "settleMs=0");
        assertThat(out).containsEntry("status calls per job the schedule asks for", "3").containsKeys(
                "seedream4j wall ms", "raw wall ms", "ratio seedream4j/raw, client CPU ms (medians)",
                "seedream4j peak live threads (whole JVM)", "raw peak heap used MiB", "seedream4j status calls per job");
    }

    @Test
    void capacity_countsGenerationsWithTheStubInItsOwnProcess() throws Exception {
        Map<String, String> out = run("capacity", "provider=fal", "concurrency=2", "ms=10", "img=small",
                "seconds=1", "warmupSeconds=0");
        assertThat(out).containsEntry("stub", "own process").containsEntry("failed", "0")
                .containsKeys("generations per minute", "client CPU ms per generation", "stub CPU, cores busy");
    }

    @Test
    void polls_followEachProvidersSchedule() {
        assertThat(Provider.RUNPOD.polls(2000, 60)).isEqualTo(9);
        assertThat(Provider.RUNPOD.polls(0, 60)).isZero();
        assertThat(Provider.FAL.polls(2000, 60)).isEqualTo(8);
        assertThat(Provider.REPLICATE.polls(2000, 1)).isEqualTo(4);
        assertThat(Provider.REPLICATE.polls(2000, 60)).isZero();
        assertThat(Provider.CLOUDFLARE.polls(2000, 60)).isZero();
    }

    @Test
    void notice_reportsEveryAge() throws Exception {
        Map<String, String> out = run("notice", "count=2", "ages=40,80");
        assertThat(out).containsKeys("jobs of 40 ms +-25%: noticed late, median ms",
                "jobs of 80 ms +-25%: noticed late, median ms");
    }

    @Test
    void inflightFake_finishesEveryGeneration() throws Exception {
        assertThat(run("inflight-fake", "n=3", "ms=10")).containsEntry("generations", "3");
    }

    @Test
    void disk_writesTheWholeFourKImage() throws Exception {
        assertThat(run("disk", "runs=1")).containsEntry("destination", "directory")
                .containsEntry("image bytes", StubServer.FOUR_K_BYTES + " (25.0 MiB)");
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
