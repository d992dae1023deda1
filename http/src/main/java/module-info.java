/**
 * Shared HTTP plumbing for seedream4j provider modules: a retry policy with full-jitter backoff and
 * {@code Retry-After}, a retrier that never re-sends a request that may have been accepted, translation of HTTP
 * errors into the seedream4j exception family, a safe image download into an
 * {@link io.github.seedream4j.spi.ImageSink}, and Feign/Jackson setup. For provider modules only: core never
 * depends on it.
 */
module io.github.seedream4j.http {
    requires transitive io.github.seedream4j.core;
    requires transitive java.net.http;
    requires transitive feign.core;
    requires transitive feign.java11;
    requires transitive feign.jackson3;
    requires transitive tools.jackson.databind;

    exports io.github.seedream4j.http;
}
