package io.github.seedream4j.http;

import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.RequestInterceptor;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson3.Jackson3Decoder;
import feign.jackson3.Jackson3Encoder;
import io.github.seedream4j.spi.Secret;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feign wired the same way for every provider: the JDK HTTP client ({@code feign-java11}), Jackson 3 for bodies,
 * {@code Authorization: Bearer} from a {@link Secret}, no Feign retries (the {@link Retrier} decides), and logging
 * through {@link System.Logger} that never prints the {@code Authorization} header.
 */
public final class FeignSupport {

    private FeignSupport() {
    }

    /**
     * A JSON mapper for provider payloads: unknown fields are ignored, floating-point numbers are read as
     * {@link java.math.BigDecimal} (so {@code 0.113246} stays exact), and nulls are not written.
     */
    public static JsonMapper jsonMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .changeDefaultPropertyInclusion(i -> i.withValueInclusion(
                        com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
                .build();
    }

    /**
     * A JDK HTTP client that connects within {@code connectTimeout} and never follows redirects by itself. Its
     * internal tasks run on a small executor shared by all such clients, not on a thread per exchange.
     */
    public static HttpClient httpClient(Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .executor(HttpThreads.shared()).build();
    }

    /** Feign options matching {@link #httpClient(Duration)}, with a read timeout. */
    public static Request.Options options(Duration connectTimeout, Duration readTimeout) {
        return new Request.Options(connectTimeout, readTimeout, false);
    }

    /** Adds {@code Authorization: Bearer <key>}. */
    public static RequestInterceptor bearer(Secret key) {
        Objects.requireNonNull(key, "key");
        return template -> template.header("Authorization", "Bearer " + key.reveal());
    }

    /** A Feign logger writing to {@code logger} at DEBUG that never prints the {@code Authorization} header. */
    public static Logger logger(System.Logger logger) {
        return new RedactingLogger(logger);
    }

    /**
     * A Feign builder with the JDK client, Jackson 3 encoder and decoder over {@code mapper}, bearer
     * authentication, the redacting logger at {@link Logger.Level#BASIC} (HEADERS when {@code logger} logs TRACE),
     * no retries, and the given timeouts. Call {@code target(...)} on it.
     */
    public static Feign.Builder builder(Secret key, JsonMapper mapper, System.Logger logger, Duration connectTimeout,
            Duration readTimeout) {
        return Feign.builder()
                .client(new Http2Client(httpClient(connectTimeout)))
                .encoder(new Jackson3Encoder(mapper))
                .decoder(new Jackson3Decoder(mapper))
                .requestInterceptor(bearer(key))
                .logger(logger(logger))
                .logLevel(logger.isLoggable(System.Logger.Level.TRACE) ? Logger.Level.HEADERS : Logger.Level.BASIC)
                .retryer(Retryer.NEVER_RETRY)
                .options(options(connectTimeout, readTimeout));
    }

    private static final class RedactingLogger extends Logger {
        private final System.Logger logger;

        RedactingLogger(System.Logger logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
        }

        @Override
        protected boolean shouldLogRequestHeader(String header) {
            return !"Authorization".equalsIgnoreCase(header) && !"Proxy-Authorization".equalsIgnoreCase(header);
        }

        @Override
        protected void log(String configKey, String format, Object... args) {
            if (logger.isLoggable(System.Logger.Level.DEBUG)) {
                logger.log(System.Logger.Level.DEBUG, methodTag(configKey) + String.format(format, args));
            }
        }
    }
}
