package io.github.seedream4j.http;

import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.ImageDownloadException;
import io.github.seedream4j.http.internal.Failures;
import io.github.seedream4j.http.internal.Loopback;
import io.github.seedream4j.http.internal.SharedHttpClient;
import io.github.seedream4j.http.internal.StallWatch;
import io.github.seedream4j.spi.Blocking;
import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageSink;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fetches a generated image by URL and streams it into the generation's {@link ImageSink}, never holding the whole
 * body, and never outliving the generation:
 * <ul>
 *   <li>only {@code https} (plain {@code http} only to this machine, for tests and local proxies), at most
 *       {@link Builder#maxRedirects(int)} redirects, each checked the same way;</li>
 *   <li>the response headers must arrive within {@link Builder#headerTimeout(Duration)}, and then no silence in the
 *       body may last longer than {@link Builder#stallTimeout(Duration)} (a per-read timeout): a server that sends
 *       headers and part of the image and then nothing fails the download instead of pinning a thread;</li>
 *   <li>when the generation is cancelled or passes its deadline, the body is closed and the attempt ends at once;
 *       each attempt runs on the generation's executor through {@link Blocking#supply};</li>
 *   <li>a {@code Content-Length} above the sink's cap is refused before reading, and a body shorter than its
 *       {@code Content-Length} is reported as cut short;</li>
 *   <li>connection failures, 408, 429 and 5xx are retried under the {@link RetryPolicy} (waits on the generation's
 *       scheduler, reported as retries) until the sink starts reading; 403, 404 and 410 mean the URL expired.</li>
 * </ul>
 * URLs in messages are redacted ({@link Redactor#url(URI)}). Thread-safe; one downloader serves every generation.
 */
public final class ImageDownloader {

    private final String providerId;
    private final HttpClient client;
    private final Duration headerTimeout;
    private final Duration stallTimeout;
    private final int maxRedirects;
    private final RetryPolicy policy;

    private ImageDownloader(Builder b) {
        this.providerId = b.providerId;
        this.client = b.client != null ? b.client : SharedHttpClient.get();
        this.headerTimeout = b.headerTimeout;
        this.stallTimeout = b.stallTimeout;
        this.maxRedirects = b.maxRedirects;
        this.policy = b.policy;
    }

    /**
     * A builder for downloads on behalf of provider {@code providerId}.
     *
     * @param providerId the provider's id, named in messages; never {@code null}
     * @return the builder
     */
    public static Builder builder(String providerId) {
        return new Builder(Objects.requireNonNull(providerId, "providerId"));
    }

    /**
     * Downloads {@code url} into {@code context.images()}.
     *
     * @param context the generation's context, never {@code null}
     * @param url the image URL, never {@code null}
     * @param jobId the provider's job id, carried by exceptions; or {@code null}
     * @return a future completed when the image is stored; failed with {@link ImageDownloadException} when the URL
     *         is refused, expired, unreachable, stalls, or its content fails the sink's checks, or with
     *         {@link GenerationCancelledException} when the generation ended first
     * @throws NullPointerException if {@code context} or {@code url} is null
     */
    public CompletableFuture<Void> download(GenerationContext context, URI url, String jobId) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(url, "url");
        CompletableFuture<Void> result = new CompletableFuture<>();
        attempt(1, context, url, jobId, result);
        return result;
    }

    private void attempt(int n, GenerationContext context, URI url, String jobId, CompletableFuture<Void> result) {
        Blocking.supply(context, () -> fetchOnce(context, url, jobId)).whenComplete((outcome, error) -> {
            if (error != null) {
                result.completeExceptionally(Failures.unwrap(error));
                return;
            }
            if (outcome.stored) {
                result.complete(null);
                return;
            }
            if (context.isCancelled()) {
                result.completeExceptionally(new GenerationCancelledException("provider " + providerId + ": the "
                        + "generation ended while the image was being fetched", providerId, jobId, null));
                return;
            }
            if (n >= policy.maxAttempts()) {
                result.completeExceptionally(fail("fetching the image from " + Redactor.url(url) + " failed: "
                        + outcome.reason + (n == 1 ? "" : " (tried " + n + " times)") + "; check the network and "
                        + "try again", jobId, outcome.cause));
                return;
            }
            Duration delay = policy.delay(n, outcome.retryAfter);
            try {
                context.progress().retried(n + 1, delay, outcome.reason);
            } catch (RuntimeException ignored) {
                // reporting is best effort
            }
            try {
                context.scheduler().schedule(() -> attempt(n + 1, context, url, jobId, result), delay.toNanos(),
                        TimeUnit.NANOSECONDS);
            } catch (RuntimeException e) {
                result.completeExceptionally(new GenerationCancelledException("provider " + providerId + ": the "
                        + "client is closing; the image was not fetched again", providerId, jobId, null));
            }
        });
    }

    /** The outcome of one attempt that did not throw: stored, or worth another attempt. */
    private static final class Outcome {
        static final Outcome STORED = new Outcome(true, null, null, null);
        final boolean stored;
        final String reason;
        final Duration retryAfter;
        final Throwable cause;

        Outcome(boolean stored, String reason, Duration retryAfter, Throwable cause) {
            this.stored = stored;
            this.reason = reason;
            this.retryAfter = retryAfter;
            this.cause = cause;
        }
    }

    private Outcome fetchOnce(GenerationContext context, URI url, String jobId) throws InterruptedException {
        URI at = url;
        HttpResponse<InputStream> response;
        for (int hops = 0; ; hops++) {
            checkAllowed(at, jobId);
            HttpRequest request;
            try {
                request = HttpRequest.newBuilder(at).timeout(headerTimeout).GET()
                        .header("Accept", "image/png, image/jpeg, image/webp, */*;q=0.5").build();
            } catch (IllegalArgumentException e) {
                throw fail("the image URL " + Redactor.url(at) + " cannot be fetched: it is not a URL the HTTP client "
                        + "accepts", jobId, null);
            }
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                if (Failures.isPermanent(e)) {
                    throw fail("fetching the image from " + Redactor.url(at) + " failed: " + Failures.inWords(e, at)
                            + "; this does not change by trying again", jobId, e);
                }
                return new Outcome(false, Failures.inWords(e, at), null, e);
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                String location = response.headers().firstValue("Location").orElse(null);
                closeQuietly(response.body());
                if (location == null) {
                    throw fail("the image URL " + Redactor.url(at) + " answered HTTP " + status + " without a "
                            + "Location to follow", jobId, null);
                }
                if (hops >= maxRedirects) {
                    throw fail("the image URL " + Redactor.url(url) + " redirected more than " + maxRedirects
                            + " times; refusing to follow further", jobId, null);
                }
                try {
                    at = at.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    throw fail("the image URL " + Redactor.url(at) + " redirected to a Location that is not a URL",
                            jobId, null);
                }
                continue;
            }
            break;
        }
        int status = response.statusCode();
        if (status == 200) {
            store(context, response, at, jobId);
            return Outcome.STORED;
        }
        closeQuietly(response.body());
        if (status == 403 || status == 404 || status == 410) {
            throw fail("the image URL " + Redactor.url(at) + " answered HTTP " + status + ": it has expired or never "
                    + "existed (provider image URLs are short-lived); generate the image again", jobId, null);
        }
        if (!HttpCaller.retried(Idempotency.IDEMPOTENT, status)) {
            throw fail("the image URL " + Redactor.url(at) + " answered HTTP " + status + "; generate the image "
                    + "again", jobId, null);
        }
        return new Outcome(false, "HTTP " + status, RetryAfter.parse(response.headers().firstValue("Retry-After")
                .orElse(null), java.time.Instant.now()).orElse(null), null);
    }

    private void store(GenerationContext context, HttpResponse<InputStream> response, URI at, String jobId) {
        ImageSink sink = context.images();
        InputStream body = response.body();
        OptionalLong length = response.headers().firstValueAsLong("Content-Length");
        String type = response.headers().firstValue("Content-Type").orElse(null);
        if (length.isPresent() && length.getAsLong() > sink.maxBytes()) {
            closeQuietly(body);
            throw fail("the image at " + Redactor.url(at) + " is " + length.getAsLong() + " bytes, larger than the cap "
                    + "of " + sink.maxBytes() + " bytes; raise the client's maxImageBytes if such images are expected",
                    jobId, null);
        }
        // closing the body is what ends a blocked read: an interrupt does not
        context.onCancel(() -> closeQuietly(body));
        StallWatch watch = StallWatch.start(context.scheduler(), stallTimeout, body);
        try (InputStream in = body) {
            sink.store(new LengthCheckingStream(watch.watch(in), length.orElse(-1)), type, at);
        } catch (IOException e) {
            // closing after a complete read does not fail in practice; the image is stored
        } finally {
            watch.stop();
        }
    }

    private void checkAllowed(URI url, String jobId) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw fail("the image URL " + Redactor.url(url) + " is not an absolute https URL; refusing to fetch it",
                    jobId, null);
        }
        if (scheme.equals("http") && !Loopback.is(url.getHost())) {
            throw fail("the image URL " + Redactor.url(url) + " uses plain http; only https is fetched (plain http "
                    + "only from this machine)", jobId, null);
        }
    }

    private ImageDownloadException fail(String message, String jobId, Throwable cause) {
        return new ImageDownloadException("provider " + providerId + ": " + message, providerId, jobId, cause);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // the connection is being discarded anyway
        }
    }

    /** Fails the read when the body ends before its declared length, or runs past it. */
    private static final class LengthCheckingStream extends FilterInputStream {
        private final long expected;
        private long count;

        LengthCheckingStream(InputStream in, long expected) {
            super(in);
            this.expected = expected;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            check(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            check(n);
            return n;
        }

        private void check(int n) throws IOException {
            if (n > 0) {
                count += n;
                if (expected >= 0 && count > expected) {
                    throw new IOException("the body is longer than its Content-Length of " + expected + " bytes");
                }
            } else if (n < 0 && expected >= 0 && count < expected) {
                throw new IOException("the download was cut short: " + count + " of " + expected
                        + " bytes (Content-Length) arrived; fetch it again");
            }
        }
    }

    /** {@return the provider and the timeouts} */
    @Override
    public String toString() {
        return "ImageDownloader[" + providerId + ", headers within " + headerTimeout + ", silence at most "
                + stallTimeout + ", " + policy + "]";
    }

    /** Builds an {@link ImageDownloader}. Not thread-safe. */
    public static final class Builder {
        private final String providerId;
        private HttpClient client;
        private Duration headerTimeout = Duration.ofSeconds(30);
        private Duration stallTimeout = Duration.ofSeconds(30);
        private int maxRedirects = 5;
        private RetryPolicy policy = RetryPolicy.defaults();

        private Builder(String providerId) {
            this.providerId = providerId;
        }

        /**
         * Another JDK client; by default the JVM-wide shared one. It must not follow redirects itself.
         *
         * @param client the client, never {@code null}
         * @return this builder
         */
        public Builder httpClient(HttpClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * How long to wait for the response headers; 30 s by default.
         *
         * @param timeout a positive duration, never {@code null}
         * @return this builder
         * @throws IllegalArgumentException if it is zero or negative
         */
        public Builder headerTimeout(Duration timeout) {
            this.headerTimeout = positive(timeout, "headerTimeout");
            return this;
        }

        /**
         * The longest silence allowed while the body arrives; 30 s by default.
         *
         * @param timeout a positive duration, never {@code null}
         * @return this builder
         * @throws IllegalArgumentException if it is zero or negative
         */
        public Builder stallTimeout(Duration timeout) {
            this.stallTimeout = positive(timeout, "stallTimeout");
            return this;
        }

        /**
         * How many redirects to follow; 5 by default.
         *
         * @param maxRedirects 0 or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maxRedirects(int maxRedirects) {
            if (maxRedirects < 0) {
                throw new IllegalArgumentException("maxRedirects must be 0 or more, not " + maxRedirects);
            }
            this.maxRedirects = maxRedirects;
            return this;
        }

        /**
         * Retries before the sink starts reading; {@link RetryPolicy#defaults()} by default.
         *
         * @param policy the policy, never {@code null}
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** {@return the downloader} */
        public ImageDownloader build() {
            return new ImageDownloader(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, not " + d);
            }
            return d;
        }
    }
}
