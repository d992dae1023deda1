package io.github.seedream4j.provider.replicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Replicate's predictions API with a create request held unanswered until the test releases it, then answered with
 * a prediction that never finishes; cancels are recorded by prediction id. A JDK server, because the test must see
 * a request that has not been answered yet. It holds on a latch of its own, or on the compatibility kit's handle.
 */
final class HeldReplicate implements AutoCloseable {

    final CountDownLatch arrived = new CountDownLatch(1);
    final CountDownLatch cancelArrived = new CountDownLatch(1);
    final List<String> cancelled = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "held-replicate");
        t.setDaemon(true);
        return t;
    });

    /** Holds the create request until {@link #release()}, then answers with {@code predictionId}. */
    HeldReplicate(String predictionId) {
        this(null, null, predictionId);
    }

    /**
     * Holds the create request until {@code release} returns the prediction id to answer with, and reports cancels
     * to {@code cancelled} too (the kit's {@code HeldSubmission::awaitRelease} and {@code ::cancelled}).
     */
    HeldReplicate(Callable<String> release, Consumer<String> cancelled) {
        this(release, cancelled, null);
    }

    private HeldReplicate(Callable<String> release, Consumer<String> onCancel, String ownId) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/models/bytedance/seedream-4/predictions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            arrived.countDown();
            String predictionId;
            try {
                if (release != null) {
                    predictionId = release.call();
                } else {
                    released.await(60, TimeUnit.SECONDS);
                    predictionId = ownId;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the server is stopping
                exchange.close();
                return;
            } catch (Exception e) {
                exchange.close();
                return;
            }
            answer(exchange, 201, "{\"id\":\"" + predictionId + "\",\"status\":\"starting\",\"error\":null,"
                    + "\"urls\":{\"get\":\"" + baseUrl() + "/predictions/" + predictionId + "\",\"cancel\":\""
                    + baseUrl() + "/predictions/" + predictionId + "/cancel\"}}");
        });
        server.createContext("/v1/predictions/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/cancel")) {
                String id = path.substring("/v1/predictions/".length(), path.length() - "/cancel".length());
                cancelled.add(id);
                if (onCancel != null) {
                    onCancel.accept(id);
                }
                cancelArrived.countDown();
                answer(exchange, 200, "{\"id\":\"" + id + "\",\"status\":\"canceled\"}");
            } else {
                String id = path.substring("/v1/predictions/".length());
                answer(exchange, 200, "{\"id\":\"" + id + "\",\"status\":\"processing\"}");
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    void release() {
        released.countDown();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
