package io.github.seedream4j.http;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A complete answer to one request, whatever its status: the status, the headers and the whole body (at most the
 * caller's cap), read without blocking. What {@link HttpCaller} hands back; {@link ErrorTranslator} turns one that
 * is not a success into an exception. Immutable.
 */
public final class HttpReply {

    private final String what;
    private final Idempotency idempotency;
    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;
    private final Instant received;

    private HttpReply(String what, Idempotency idempotency, int status, HttpHeaders headers, byte[] body) {
        this.what = Objects.requireNonNull(what, "what");
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("an HTTP status has three digits, not " + status);
        }
        this.status = status;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = Objects.requireNonNull(body, "body");
        this.received = Instant.now();
    }

    /**
     * A reply, for tests and for adapters of other HTTP clients.
     *
     * @param what the request for messages, for example {@code "POST /v2/seedream-v4-t2i/run"}; never {@code null}
     * @param idempotency whether the request was safe to repeat; never {@code null}
     * @param status the HTTP status, 100 to 999
     * @param headers the response headers by name, never {@code null}
     * @param body the whole body, handed over (not copied); never {@code null}
     * @return the reply
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the status is out of range
     */
    public static HttpReply of(String what, Idempotency idempotency, int status, Map<String, List<String>> headers,
            byte[] body) {
        return new HttpReply(what, idempotency, status, HttpHeaders.of(headers, (name, value) -> true), body);
    }

    static HttpReply of(String what, Idempotency idempotency, int status, HttpHeaders headers, byte[] body) {
        return new HttpReply(what, idempotency, status, headers, body);
    }

    /** {@return the request, for messages: method and path, no host, no query} */
    public String what() {
        return what;
    }

    /** {@return whether the request was safe to repeat; decides how an unclear answer is translated} */
    public Idempotency idempotency() {
        return idempotency;
    }

    /** {@return the HTTP status} */
    public int status() {
        return status;
    }

    /** {@return whether the status is 2xx} */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** {@return the response headers; names are case-insensitive} */
    public HttpHeaders headers() {
        return headers;
    }

    /**
     * {@return the first value of header {@code name}, if present}
     *
     * @param name the header name, in any case
     */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** {@return the wait a {@code Retry-After} header asks for, measured from when the reply arrived} */
    public Optional<Duration> retryAfter() {
        return RetryAfter.parse(header("Retry-After").orElse(null), received);
    }

    /** {@return the body; the array is shared, not copied, so do not change it} */
    public byte[] body() {
        return body;
    }

    /** {@return the body decoded as UTF-8} */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** {@return the request, status and body size; never the body, which may echo a credential} */
    @Override
    public String toString() {
        return "HttpReply[" + what + " -> HTTP " + status + ", " + body.length + " bytes]";
    }
}
