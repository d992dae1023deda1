package io.github.seedream4j.provider.runpod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runpod's job API as a WireMock extension, for stubs that name it: {@code POST .../run} starts job {@code job-<n>},
 * which is {@code IN_PROGRESS} until {@code length(n)} after that POST arrived and {@code COMPLETED} after, with its
 * image at {@code /images/job-<n>.png}. Every status call is counted per job and its arrival time kept.
 */
final class TimedRunpod implements ResponseDefinitionTransformerV2 {

    static final String NAME = "timed-runpod";

    /** The arrival time ({@link System#nanoTime()}) of every status call, in order. */
    final List<Long> statusCalls = new CopyOnWriteArrayList<>();
    /** Status calls per job id. */
    final Map<String, AtomicInteger> callsPerJob = new ConcurrentHashMap<>();
    /** Each job's length, by job id. */
    final Map<String, Duration> lengths = new ConcurrentHashMap<>();
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final AtomicInteger jobs = new AtomicInteger();
    private final IntFunction<Duration> length;
    private volatile String baseUrl;

    TimedRunpod(IntFunction<Duration> length) {
        this.length = length;
    }

    /** Where the images are: the server's own base URL, known once it started. */
    void baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        long now = System.nanoTime();
        String path = event.getRequest().getUrl();
        if (path.endsWith("/run")) {
            int n = jobs.getAndIncrement();
            String id = "job-" + n;
            lengths.put(id, length.apply(n));
            started.put(id, now);
            return json("{\"id\":\"" + id + "\",\"status\":\"IN_QUEUE\"}");
        }
        String id = path.substring(path.lastIndexOf('/') + 1);
        statusCalls.add(now);
        callsPerJob.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        if (now - started.get(id) < lengths.get(id).toNanos()) {
            return json("{\"id\":\"" + id + "\",\"status\":\"IN_PROGRESS\"}");
        }
        return json("{\"id\":\"" + id + "\",\"status\":\"COMPLETED\",\"executionTime\":1000,\"output\":{"
                + "\"image_url\":\"" + baseUrl + "/images/" + id + ".png\"}}");
    }

    private static ResponseDefinition json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body).build();
    }
}
