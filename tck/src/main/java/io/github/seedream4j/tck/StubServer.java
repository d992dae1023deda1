package io.github.seedream4j.tck;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP server on the loopback interface, for provider tests that need a stand-in for the provider's API
 * without a mocking library. Built on the JDK's {@code com.sun.net.httpserver}, so it adds no dependency:
 *
 * <pre>{@code
 * try (StubServer stub = StubServer.start()) {
 *     stub.on("POST", "/v1/images", request -> StubServer.Response.json(200, "{\"id\":\"job-1\"}"));
 *     stub.on("GET", "/files/*", request -> StubServer.Response.bytes(200, "image/png", TestImages.png(64, 64)));
 *     // point the provider's base URL at stub.baseUrl() and call it
 *     assertThat(stub.requests("POST", "/v1/images")).hasSize(1);
 * }
 * }</pre>
 *
 * <p>Each request runs on a thread of its own, so a handler may block (to hold a submission, say) without
 * holding up other requests. The newest route that matches wins, so a test can re-program a path. A request no
 * route matches is answered 404. Thread-safe.
 */
public final class StubServer implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService threads;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private StubServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /**
     * Starts a server on {@code 127.0.0.1} at a free port.
     *
     * @return the running server; close it after the test
     * @throws UncheckedIOException if no port can be bound
     */
    public static StubServer start() {
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stub-server-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StubServer stub = new StubServer(server, threads);
            server.createContext("/", stub::handle);
            server.setExecutor(threads);
            server.start();
            return stub;
        } catch (IOException e) {
            threads.shutdownNow();
            throw new UncheckedIOException("cannot start a stub server on the loopback interface", e);
        }
    }

    /** {@return the server's base URL without a trailing slash, for example {@code http://127.0.0.1:40123}} */
    public String baseUrl() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** {@return {@link #baseUrl()} as a URI} */
    public URI baseUri() {
        return URI.create(baseUrl());
    }

    /**
     * Answers requests with {@code method} and a path matching {@code path} with {@code handler}. In the pattern,
     * {@code *} stands for one path segment ({@code /v1/jobs/*} matches {@code /v1/jobs/42} but not
     * {@code /v1/jobs/42/cancel}); the query string is not part of the path. Replaces nothing: the newest
     * matching route wins.
     *
     * @param method the HTTP method, for example {@code POST}; never {@code null}
     * @param path the path pattern, starting with {@code /}; never {@code null}
     * @param handler what answers; never {@code null}
     * @return this server
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code path} does not start with {@code /}
     */
    public StubServer on(String method, String path, Handler handler) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(handler, "handler");
        if (!Objects.requireNonNull(path, "path").startsWith("/")) {
            throw new IllegalArgumentException("a path pattern starts with '/', not '" + path + "'");
        }
        routes.add(0, new Route(method.toUpperCase(java.util.Locale.ROOT), path.split("/", -1), handler));
        return this;
    }

    /** {@return every request received so far, in arrival order; a snapshot} */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /**
     * The requests received so far with {@code method} and a path matching {@code path}.
     *
     * @param method the HTTP method, never {@code null}
     * @param path a path pattern as for {@link #on}, never {@code null}
     * @return the matching requests in arrival order; a snapshot
     */
    public List<Request> requests(String method, String path) {
        Route probe = new Route(method.toUpperCase(java.util.Locale.ROOT), path.split("/", -1), r -> null);
        List<Request> matching = new ArrayList<>();
        for (Request r : requests) {
            if (probe.matches(r)) {
                matching.add(r);
            }
        }
        return matching;
    }

    /** Forgets every route and every recorded request. */
    public void reset() {
        routes.clear();
        requests.clear();
    }

    /** Stops the server at once and interrupts handlers that are still running. Idempotent. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    @Override
    public String toString() {
        return "StubServer[" + baseUrl() + ", " + routes.size() + " route(s), " + requests.size() + " request(s)]";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request;
            try (InputStream in = exchange.getRequestBody()) {
                Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
                URI uri = exchange.getRequestURI();
                request = new Request(exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT),
                        uri.getRawPath(), uri.getRawQuery(), Collections.unmodifiableMap(headers), in.readAllBytes());
            }
            requests.add(request);
            Response response;
            Route route = routes.stream().filter(r -> r.matches(request)).findFirst().orElse(null);
            if (route == null) {
                response = Response.text(404, "no stub for " + request.method() + " " + request.path());
            } else {
                try {
                    response = Objects.requireNonNull(route.handler.handle(request), "the handler's response");
                } catch (InterruptedException e) {
                    return; // the server is closing; the connection goes with it
                } catch (Exception e) {
                    response = Response.text(500, "the stub's handler failed: " + e);
                }
            }
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {

        /**
         * The response to {@code request}; may block, for example until a test releases a held submission.
         *
         * @param request the request, never {@code null}
         * @return the response, never {@code null}
         * @throws Exception answered as a 500 naming it; an {@link InterruptedException} (the server is closing)
         *         drops the connection
         */
        Response handle(Request request) throws Exception;
    }

    /**
     * A request the server received. The body array is the server's own: do not change it.
     *
     * @param method the method in upper case, for example {@code POST}
     * @param path the raw path, without the query
     * @param query the raw query string, or {@code null}
     * @param headers the headers, names case-insensitive; unmodifiable
     * @param body the body, empty when there is none
     */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

        /**
         * {@return the first value of header {@code name}, or {@code null}}
         *
         * @param name the header's name, in any case
         */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** {@return the body decoded as UTF-8} */
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /**
         * {@return the segment of the path at {@code index}, counting from 0 after the leading slash} For
         * {@code /v1/jobs/42/cancel}, segment 2 is {@code 42}.
         *
         * @param index the segment's position
         * @throws IndexOutOfBoundsException if the path has no such segment
         */
        public String pathSegment(int index) {
            return path.substring(1).split("/", -1)[index];
        }

        @Override
        public String toString() {
            return method + " " + path + (query == null ? "" : "?" + query) + " (" + body.length + " bytes)";
        }
    }

    /**
     * A response to send. The body array is sent as is: do not change it afterwards.
     *
     * @param status the HTTP status
     * @param headers the headers to send, unmodifiable
     * @param body the body, empty for none
     */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        /**
         * Copies the headers.
         *
         * @param status the HTTP status, 100 to 599
         * @param headers the headers, never {@code null}
         * @param body the body, never {@code null}
         */
        public Response {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("an HTTP status is 100 to 599, not " + status);
            }
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            Objects.requireNonNull(body, "body");
        }

        /**
         * {@return a JSON response}
         *
         * @param status the status
         * @param json the body, sent as UTF-8
         */
        public static Response json(int status, String json) {
            return bytes(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * {@return a plain-text response}
         *
         * @param status the status
         * @param text the body, sent as UTF-8
         */
        public static Response text(int status, String text) {
            return bytes(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * A response with a body of the given type.
         *
         * @param status the status
         * @param contentType the {@code Content-Type}, never {@code null}
         * @param body the body, never {@code null}
         * @return the response
         */
        public static Response bytes(int status, String contentType, byte[] body) {
            return new Response(status, Map.of("Content-Type", contentType), body);
        }

        /**
         * {@return a response with no body}
         *
         * @param status the status, for example 204
         */
        public static Response empty(int status) {
            return new Response(status, Map.of(), new byte[0]);
        }

        /**
         * {@return this response with one more header}
         *
         * @param name the header
         * @param value its value
         */
        public Response withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Response(status, more, body);
        }
    }

    private static final class Route {
        private final String method;
        private final String[] segments;
        private final Handler handler;

        Route(String method, String[] segments, Handler handler) {
            this.method = method;
            this.segments = segments;
            this.handler = handler;
        }

        boolean matches(Request request) {
            if (!method.equals(request.method())) {
                return false;
            }
            String[] actual = request.path().split("/", -1);
            if (actual.length != segments.length) {
                return false;
            }
            for (int i = 0; i < segments.length; i++) {
                if (!segments[i].equals("*") && !segments[i].equals(actual[i])) {
                    return false;
                }
            }
            return true;
        }
    }
}
