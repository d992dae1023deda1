package io.github.seedream4j.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Runpod look-alike on loopback, built on the JDK's own HTTP server so it adds no dependency and few threads.
 * The prompt steers each job: {@code ms=2000} makes the job finish 2 s after its POST (IN_PROGRESS until then,
 * COMPLETED after), {@code img=1m|small|4k} picks the image its output points at. It remembers, in
 * {@link System#nanoTime()} units, when each job finished, so the harness can tell how late the client noticed.
 *
 * <p>Images are valid-looking PNGs (signature, IHDR with the requested pixels, an ancillary padding chunk, IEND):
 * the client's sink checks exactly those parts. The 4K image is streamed from a 64 KiB buffer, so the stub never
 * holds it whole and does not distort heap measurements.
 */
final class RunpodStub implements AutoCloseable {

    static final String ENDPOINT = "seedream-v4-t2i";
    static final int SMALL_BYTES = 2 * 1024;
    static final int ONE_MIB = 1024 * 1024;
    static final long FOUR_K_BYTES = 25L * 1024 * 1024;

    private static final Pattern PROMPT = Pattern.compile("\"prompt\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern MS = Pattern.compile("ms=(\\d+)");
    private static final Pattern IMG = Pattern.compile("img=(\\w+)");

    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, Long> doneAt = new ConcurrentHashMap<>();
    private final Map<String, String> imageOf = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicLong statusCalls = new AtomicLong();
    private volatile long networkMillis;
    private final byte[] small = SyntheticPng.of(1024, 1024, SMALL_BYTES);
    private final byte[] oneMib = SyntheticPng.of(1024, 1024, ONE_MIB);
    private final SyntheticPng.Streamed fourK = SyntheticPng.streamed(4096, 4096, FOUR_K_BYTES);

    /** @param handlerThreads threads answering requests */
    RunpodStub(int handlerThreads) throws IOException {
        // without it, a small response written in two pieces waits for the client's delayed ACK (~40 ms)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(handlerThreads, r -> {
            Thread t = new Thread(r, "stub-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL to give the Runpod provider as its {@code base-url}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** When job {@code id} finished, in nanoTime units, or {@code null} if it is unknown. */
    Long doneAt(String id) {
        return doneAt.get(id);
    }

    /** Makes every answer wait {@code millis} first, standing in for a network round trip. */
    void networkMillis(long millis) {
        this.networkMillis = millis;
    }

    long statusCalls() {
        return statusCalls.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (networkMillis > 0) {
                sleepUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(networkMillis));
            }
            String path = ex.getRequestURI().getPath();
            String prefix = "/" + ENDPOINT + "/";
            if (path.startsWith("/img/")) {
                image(ex, path.substring(5));
            } else if (path.equals(prefix + "run")) {
                String prompt = prompt(ex.getRequestBody());
                String id = submit(prompt);
                long left = doneAt.get(id) - System.nanoTime();
                json(ex, left <= 0 ? completed(id) : "{\"id\":\"" + id + "\",\"status\":\"IN_QUEUE\"}");
            } else if (path.startsWith(prefix + "status/")) {
                statusCalls.incrementAndGet();
                String id = path.substring((prefix + "status/").length());
                Long done = doneAt.get(id);
                if (done == null) {
                    ex.sendResponseHeaders(404, -1);
                } else {
                    json(ex, System.nanoTime() >= done ? completed(id)
                            : "{\"id\":\"" + id + "\",\"status\":\"IN_PROGRESS\",\"delayTime\":3}");
                }
            } else if (path.startsWith(prefix + "cancel/")) {
                json(ex, "{\"id\":\"" + path.substring((prefix + "cancel/").length()) + "\",\"status\":\"CANCELLED\"}");
            } else {
                ex.sendResponseHeaders(404, -1);
            }
        }
    }

    private String submit(String prompt) {
        Matcher ms = MS.matcher(prompt);
        Matcher img = IMG.matcher(prompt);
        String id = "job-" + ids.incrementAndGet();
        imageOf.put(id, img.find() ? img.group(1) : "small");
        doneAt.put(id, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms.find() ? Long.parseLong(ms.group(1)) : 0));
        return id;
    }

    private String completed(String id) {
        return "{\"id\":\"" + id + "\",\"status\":\"COMPLETED\",\"delayTime\":3,\"executionTime\":5,"
                + "\"workerId\":\"stub\",\"output\":{\"image_url\":\"" + baseUrl() + "/img/" + imageOf.get(id)
                + "\",\"cost\":0.028311}}";
    }

    private void image(HttpExchange ex, String kind) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "image/png");
        switch (kind) {
            case "1m":
                bytes(ex, oneMib);
                break;
            case "4k":
                ex.sendResponseHeaders(200, fourK.length());
                try (OutputStream out = ex.getResponseBody()) {
                    fourK.writeTo(out);
                }
                break;
            default:
                bytes(ex, small);
        }
    }

    private static void json(HttpExchange ex, String body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        bytes(ex, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(HttpExchange ex, byte[] body) throws IOException {
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static String prompt(InputStream body) throws IOException {
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        Matcher m = PROMPT.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private static void sleepUntil(long nanos) {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
