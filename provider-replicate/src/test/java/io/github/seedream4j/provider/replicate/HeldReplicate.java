package io.github.seedream4j.provider.replicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Replicate's predictions API with a create request held unanswered until the test releases it, then answered with
 * a prediction of the given id that never finishes; cancels are recorded by prediction id. A JDK server, because
 * the test must see a request that has not been answered yet.
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

    HeldReplicate(String predictionId) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/models/bytedance/seedream-4/predictions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            arrived.countDown();
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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
                cancelArrived.countDown();
                answer(exchange, 200, "{\"id\":\"" + id + "\",\"status\":\"canceled\"}");
            } else {
                answer(exchange, 200, "{\"id\":\"" + predictionId + "\",\"status\":\"processing\"}");
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
