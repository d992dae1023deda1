package io.github.seedream4j.provider.fal;

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
 * fal's queue API as a WireMock extension, for stubs that name it: a submission starts request {@code req-<n>},
 * whose status is {@code IN_PROGRESS} until {@code length} after the submission arrived and {@code COMPLETED} after;
 * its result names one 1024x1024 image at {@code /files/req-<n>.png}. Status calls are counted per request and
 * their arrival times kept.
 */
final class TimedFal implements ResponseDefinitionTransformerV2 {

    static final String NAME = "timed-fal";

    /** The arrival time ({@link System#nanoTime()}) of every status call, in order. */
    final List<Long> statusCalls = new CopyOnWriteArrayList<>();
    /** Status calls per request id. */
    final Map<String, AtomicInteger> callsPerRequest = new ConcurrentHashMap<>();
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Duration length;
    private volatile String baseUrl;

    TimedFal(Duration length) {
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
        if (event.getRequest().getMethod().getName().equals("POST")) {
            String id = "req-" + requests.getAndIncrement();
            started.put(id, now);
            return json("{\"status\": \"IN_QUEUE\", \"request_id\": \"" + id + "\", \"queue_position\": 0}");
        }
        if (path.endsWith("/status")) {
            String id = path.substring(0, path.length() - "/status".length());
            id = id.substring(id.lastIndexOf('/') + 1);
            statusCalls.add(now);
            callsPerRequest.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            boolean done = now - started.get(id) >= length.toNanos();
            return json("{\"status\": \"" + (done ? "COMPLETED" : "IN_PROGRESS") + "\", \"request_id\": \"" + id
                    + "\", \"logs\": null}");
        }
        String id = path.substring(path.lastIndexOf('/') + 1);
        return json("{\"images\": [{\"url\": \"" + baseUrl + "/files/" + id + ".png\", \"content_type\": "
                + "\"image/png\", \"width\": 1024, \"height\": 1024}], \"seed\": 7}");
    }

    private static ResponseDefinition json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body).build();
    }
}
