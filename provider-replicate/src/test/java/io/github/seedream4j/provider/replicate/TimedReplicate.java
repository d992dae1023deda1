package io.github.seedream4j.provider.replicate;

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

/**
 * Replicate's predictions API as a WireMock extension, for stubs that name it: a create request answers at once,
 * without waiting, with prediction {@code p<n>} {@code starting}, which is {@code processing} until {@code length}
 * after that request arrived and {@code succeeded} after, its image at {@code /files/p<n>.png}. Polls are counted
 * per prediction and their arrival times kept.
 */
final class TimedReplicate implements ResponseDefinitionTransformerV2 {

    static final String NAME = "timed-replicate";

    /** The arrival time ({@link System#nanoTime()}) of every poll, in order. */
    final List<Long> statusCalls = new CopyOnWriteArrayList<>();
    /** Polls per prediction id. */
    final Map<String, AtomicInteger> callsPerPrediction = new ConcurrentHashMap<>();
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final AtomicInteger predictions = new AtomicInteger();
    private final Duration length;
    private volatile String baseUrl;

    TimedReplicate(Duration length) {
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
        if (event.getRequest().getMethod().getName().equals("POST")) {
            String id = "p" + predictions.getAndIncrement();
            started.put(id, now);
            return json(201, "{\"id\":\"" + id + "\",\"status\":\"starting\",\"output\":null,\"error\":null}");
        }
        String path = event.getRequest().getUrl();
        String id = path.substring(path.lastIndexOf('/') + 1);
        statusCalls.add(now);
        callsPerPrediction.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        if (now - started.get(id) < length.toNanos()) {
            return json(200, "{\"id\":\"" + id + "\",\"status\":\"processing\",\"output\":null,\"error\":null}");
        }
        return json(200, "{\"id\":\"" + id + "\",\"status\":\"succeeded\",\"output\":[\"" + baseUrl + "/files/" + id
                + ".png\"],\"error\":null,\"metrics\":{\"predict_time\":1.0}}");
    }

    private static ResponseDefinition json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body).build();
    }
}
