package io.github.seedream4j.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A JDK {@link HttpServer} on loopback for behaviour WireMock cannot show: answers that stall after part of the body,
 * and whether the client closed the connection of an exchange it gave up on.
 */
final class StubServer implements AutoCloseable {

    final List<String> requests = new CopyOnWriteArrayList<>();
    /** Counted down when a handler finds that the client went away while it answered. */
    final CountDownLatch clientGone = new CountDownLatch(1);
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "stub-server");
        t.setDaemon(true);
        return t;
    });

    StubServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    void on(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            try {
                handler.handle(exchange);
            } catch (IOException e) {
                clientGone.countDown();
            } finally {
                exchange.close();
            }
        });
    }

    /**
     * Answers after {@code millis}, chunked, one character at a time with pauses, so that a write to a connection the
     * client closed fails and shows in {@link #clientGone}.
     */
    static HttpHandler slow(long millis, int status, String body) {
        return exchange -> {
            sleep(millis);
            exchange.sendResponseHeaders(status, 0);
            OutputStream out = exchange.getResponseBody();
            for (byte b : body.getBytes()) {
                out.write(b);
                out.flush();
                sleep(5);
            }
        };
    }

    /** Sends the headers and {@code sent} of {@code declared} bytes, then nothing for {@code millis}. */
    static HttpHandler stalling(int sent, int declared, long millis, String type) {
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, declared);
            OutputStream out = exchange.getResponseBody();
            byte[] part = new byte[sent];
            part[0] = (byte) 0x89; // a PNG's first byte: the sink reads on
            out.write(part);
            out.flush();
            sleep(millis);
        };
    }

    static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
