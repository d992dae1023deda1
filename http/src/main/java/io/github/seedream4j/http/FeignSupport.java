package io.github.seedream4j.http;

import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.RequestInterceptor;
import feign.Response;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson3.Jackson3Decoder;
import feign.jackson3.Jackson3Encoder;
import io.github.seedream4j.http.internal.BodyTooLargeException;
import io.github.seedream4j.http.internal.SharedHttpClient;
import io.github.seedream4j.spi.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * For providers that prefer Feign interfaces: Feign wired onto the toolkit's shared JDK client, and the conversion
 * of a Feign {@link Response} into an {@link HttpReply}, so that a Feign call runs through
 * {@link HttpCaller#send(io.github.seedream4j.spi.GenerationContext, String, Idempotency, java.util.concurrent.Callable)}
 * with the same retries, cancellation and messages:
 *
 * <pre>{@code
 * AcmeApi api = FeignSupport.builder(key, Duration.ofSeconds(120)).target(AcmeApi.class, baseUrl.toString());
 * caller.send(context, "POST /v1/images", Idempotency.NON_IDEMPOTENT,
 *         () -> FeignSupport.reply("POST /v1/images", Idempotency.NON_IDEMPOTENT, api.create(body)));
 * }</pre>
 *
 * A Feign call blocks a thread of the generation's executor while it waits; a job-creating request that must
 * outlive a cancellation uses {@link HttpCaller#submit} with a JDK request instead.
 */
public final class FeignSupport {

    /** The most bytes of a body {@link #reply} reads. */
    public static final int MAX_REPLY_BYTES = 8 * 1024 * 1024;

    private FeignSupport() {
    }

    /**
     * A Feign builder on the toolkit's shared JDK client, with Jackson 3 over {@link Json#mapper()},
     * {@code Authorization: Bearer <key>}, no Feign retries (the {@link HttpCaller} decides), a logger that never
     * prints credentials or cookies, and options matching the shared client (so that Feign never makes a client of
     * its own). Call {@code target(...)} on it; methods should return {@link Response}.
     *
     * @param key the credential, never {@code null}; check it with {@link HttpSettings#credential}
     * @param readTimeout how long to wait for an answer, never {@code null}
     * @return the builder
     * @throws NullPointerException if an argument is null
     */
    public static Feign.Builder builder(Secret key, Duration readTimeout) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(readTimeout, "readTimeout");
        System.Logger log = System.getLogger("io.github.seedream4j.http.feign");
        return Feign.builder()
                .client(new Http2Client(SharedHttpClient.get()))
                .encoder(new Jackson3Encoder(Json.mapper()))
                .decoder(new Jackson3Decoder(Json.mapper()))
                .requestInterceptor(bearer(key))
                .logger(new RedactingLogger(log))
                .logLevel(log.isLoggable(System.Logger.Level.TRACE) ? Logger.Level.HEADERS : Logger.Level.BASIC)
                .retryer(Retryer.NEVER_RETRY)
                .options(new Request.Options(SharedHttpClient.CONNECT_TIMEOUT, readTimeout, false));
    }

    /**
     * {@return a request interceptor adding {@code Authorization: Bearer <key>}}
     *
     * @param key the credential, never {@code null}
     */
    public static RequestInterceptor bearer(Secret key) {
        Objects.requireNonNull(key, "key");
        return template -> template.header("Authorization", "Bearer " + key.reveal());
    }

    /**
     * Reads a Feign response whole (at most {@link #MAX_REPLY_BYTES}) and closes it.
     *
     * @param what the request for messages, never {@code null}
     * @param kind whether the request may be sent twice, never {@code null}
     * @param response the response, never {@code null}
     * @return the reply
     * @throws IOException if the body cannot be read, or is larger than the cap
     */
    public static HttpReply reply(String what, Idempotency kind, Response response) throws IOException {
        try (response) {
            byte[] body = new byte[0];
            if (response.body() != null) {
                try (InputStream in = response.body().asInputStream()) {
                    body = in.readNBytes(MAX_REPLY_BYTES + 1);
                }
                if (body.length > MAX_REPLY_BYTES) {
                    throw new BodyTooLargeException(MAX_REPLY_BYTES);
                }
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            response.headers().forEach((name, values) -> {
                if (name != null) {
                    headers.put(name, new ArrayList<>(values));
                }
            });
            return HttpReply.of(what, kind, response.status(), headers, body);
        }
    }

    private static final class RedactingLogger extends Logger {
        private final System.Logger logger;

        RedactingLogger(System.Logger logger) {
            this.logger = logger;
        }

        @Override
        protected boolean shouldLogRequestHeader(String header) {
            return !"Authorization".equalsIgnoreCase(header) && !"Proxy-Authorization".equalsIgnoreCase(header)
                    && !"Cookie".equalsIgnoreCase(header);
        }

        @Override
        protected boolean shouldLogResponseHeader(String header) {
            return !"Set-Cookie".equalsIgnoreCase(header);
        }

        @Override
        protected void log(String configKey, String format, Object... args) {
            if (logger.isLoggable(System.Logger.Level.DEBUG)) {
                logger.log(System.Logger.Level.DEBUG, methodTag(configKey) + Redactor.none().text(
                        String.format(format, args)));
            }
        }
    }
}
