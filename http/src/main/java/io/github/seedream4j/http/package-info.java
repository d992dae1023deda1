/**
 * Shared HTTP plumbing for provider modules. The types here are a small, stable surface: {@link
 * io.github.seedream4j.http.RetryPolicy} and {@link io.github.seedream4j.http.RetryAfter} decide how long to wait,
 * {@link io.github.seedream4j.http.Retrier} runs Feign calls with those waits and refuses to re-send a
 * {@link io.github.seedream4j.http.Idempotency#NON_IDEMPOTENT} request that may have reached the server,
 * {@link io.github.seedream4j.http.HttpErrors} turns an HTTP status and body into a
 * {@link io.github.seedream4j.SeedreamException}, {@link io.github.seedream4j.http.ImageDownloader} streams an
 * image URL into an {@link io.github.seedream4j.spi.ImageSink}, and {@link io.github.seedream4j.http.FeignSupport}
 * wires Feign with the JDK HTTP client, Jackson 3, bearer authentication and redacted logging.
 */
package io.github.seedream4j.http;
