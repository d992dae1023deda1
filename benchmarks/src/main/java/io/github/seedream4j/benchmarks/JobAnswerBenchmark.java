package io.github.seedream4j.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.seedream4j.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;

/**
 * A Runpod job answer, read the way the provider reads it (a tree, checked, then bound to a record), bound
 * directly, and picked apart with {@code indexOf} as the raw client does. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main JobAnswerBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JobAnswerBenchmark {

    /** A completed job, the example in Runpod's Seedream 4.0 documentation. */
    static final byte[] ANSWER = ("{\"id\":\"sync-a1b2c3d4-e5f6-7890-abcd-ef1234567890-u1\",\"status\":\"COMPLETED\","
            + "\"delayTime\":16,\"executionTime\":5234,\"workerId\":\"oqk7ao1uomckye\",\"output\":{\"image_url\":"
            + "\"https://image.runpod.ai/abc123/output.png\",\"cost\":0.113246}}").getBytes(StandardCharsets.UTF_8);

    /** The fields the provider keeps. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Job(@JsonProperty("id") String id, @JsonProperty("status") String status,
            @JsonProperty("output") JsonNode output, @JsonProperty("error") JsonNode error,
            @JsonProperty("delayTime") Long delayTime, @JsonProperty("executionTime") Long executionTime) {
    }

    @Benchmark
    public Job treeThenBind() {
        JsonNode tree = Json.mapper().readTree(ANSWER);
        if (tree == null || !tree.isObject() || !tree.hasNonNull("status") || !tree.get("status").isString()) {
            return null;
        }
        return Json.mapper().treeToValue(tree, Job.class);
    }

    @Benchmark
    public Job bindOnly() {
        return Json.mapper().readValue(ANSWER, Job.class);
    }

    @Benchmark
    public String indexOf() {
        String s = new String(ANSWER, StandardCharsets.UTF_8);
        int at = s.indexOf("\"image_url\":\"") + 13;
        return s.substring(at, s.indexOf('"', at));
    }
}
