/**
 * The toolkit for HTTP providers: what a provider for an HTTP API needs besides its own wire format, written once
 * and supported for third parties. Everything in this package is public API with the compatibility of seedream4j
 * itself; {@code io.github.seedream4j.http.internal} is not exported and has no compatibility promise.
 *
 * <ul>
 *   <li>{@link io.github.seedream4j.http.HttpCaller}: sends a JDK {@link java.net.http.HttpRequest} for a
 *       generation without holding a thread, aborts it on cancellation or deadline, retries only what surely was not
 *       accepted ({@link io.github.seedream4j.http.Idempotency}, {@link io.github.seedream4j.http.RetryPolicy},
 *       {@link io.github.seedream4j.http.RetryAfter}), reports retries, and hands back an
 *       {@link io.github.seedream4j.http.HttpReply}. {@code submit} keeps the answer of a job-creating request
 *       even when the generation was cancelled meanwhile, so the job can be cancelled on arrival;</li>
 *   <li>{@link io.github.seedream4j.http.ErrorTranslator}: the one translator of error answers into the exception
 *       family, with a hook for the provider's own error codes ({@link io.github.seedream4j.http.ErrorMapping},
 *       {@link io.github.seedream4j.http.ErrorKind}, {@link io.github.seedream4j.http.ErrorReport},
 *       {@link io.github.seedream4j.http.ErrorDetail});</li>
 *   <li>{@link io.github.seedream4j.http.ImageDownloader}: streams an image URL into the generation's sink, with
 *       redirect and scheme checks, a per-read timeout, and cancellation that ends a blocked read;</li>
 *   <li>{@link io.github.seedream4j.http.Redactor}: the one redactor of URLs, credentials and server text;</li>
 *   <li>{@link io.github.seedream4j.http.HttpSettings}: a credential and a base URL read and checked at
 *       {@code build()} (no control characters; https, or plain http only to this machine unless
 *       {@code allow-insecure-http}), and the cap on status calls, {@code max-polls-per-second};</li>
 *   <li>{@link io.github.seedream4j.http.PollSchedule}: when to poll a job again, a pause proportional to its age;
 *       {@link io.github.seedream4j.http.PollGate}: a cap on the status calls of one provider instance, waited for
 *       on the generation's scheduler without holding a thread;</li>
 *   <li>{@link io.github.seedream4j.http.Json}: Jackson set up for request and response records;
 *       {@link io.github.seedream4j.http.FeignSupport}: the same for providers that prefer Feign interfaces.</li>
 * </ul>
 *
 * <p>Every request goes through ONE JDK {@link java.net.http.HttpClient} per JVM, shared by every provider and
 * client, so that closing a {@code SeedreamClient} leaves no selector thread and no socket of its own behind; its
 * worker threads ({@code seedream-http-*}, at most 8) end when idle.
 */
package io.github.seedream4j.http;
