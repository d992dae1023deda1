package io.github.seedream4j.provider.runpod;

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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runpod's job API with a slow {@code /run}: each POST is counted as it arrives, answered after a pause with a job
 * of its own id, and cancels are counted per job. A JDK server, because the test must see requests that have not
 * been answered yet.
 */
final class SlowRunpod implements AutoCloseable {

    final AtomicInteger runs = new AtomicInteger();
    final AtomicInteger cancels = new AtomicInteger();
    final CountDownLatch runsArrived = new CountDownLatch(20);
    final CountDownLatch cancelsArrived = new CountDownLatch(20);
    final List<String> cancelledJobs = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "slow-runpod");
        t.setDaemon(true);
        return t;
    });

    SlowRunpod(long runMillis) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/seedream-v4-t2i/run", exchange -> {
            int n = runs.incrementAndGet();
            runsArrived.countDown();
            try {
                TimeUnit.MILLISECONDS.sleep(runMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, "{\"id\":\"job-" + n + "\",\"status\":\"IN_QUEUE\"}");
        });
        server.createContext("/seedream-v4-t2i/status/", exchange -> answer(exchange,
                "{\"status\":\"IN_PROGRESS\"}"));
        server.createContext("/seedream-v4-t2i/cancel/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            cancelledJobs.add(path.substring(path.lastIndexOf('/') + 1));
            cancels.incrementAndGet();
            cancelsArrived.countDown();
            answer(exchange, "{\"status\":\"CANCELLED\"}");
        });
        server.setExecutor(threads);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
