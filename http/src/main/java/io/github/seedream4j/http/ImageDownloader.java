package io.github.seedream4j.http;

import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.ImageDownloadException;
import io.github.seedream4j.http.internal.Failures;
import io.github.seedream4j.http.internal.Loopback;
import io.github.seedream4j.http.internal.SharedHttpClient;
import io.github.seedream4j.http.internal.StallWatch;
import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageSink;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fetches a generated image by URL and streams it into the generation's {@link ImageSink}, never holding the whole
 * body, and never outliving the generation:
 * <ul>
 *   <li>only {@code https} (plain {@code http} only to this machine, for tests and local proxies), at most
 *       {@link Builder#maxRedirects(int)} redirects, each checked the same way;</li>
 *   <li>the response headers must arrive within {@link Builder#headerTimeout(Duration)}, and then no silence in the
 *       body may last longer than {@link Builder#stallTimeout(Duration)} (a per-read timeout): a server that sends
 *       headers and part of the image and then nothing fails the download instead of pinning a thread;</li>
 *   <li>the body is pushed into the sink as it arrives ({@link ImageSink#open}), on the HTTP client's threads: no
 *       thread waits for the network; the returned future completes on the generation's executor;</li>
 *   <li>when the generation is cancelled or passes its deadline, the exchange is abandoned and the attempt ends at
 *       once;</li>
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
        CompletableFuture<Outcome> once;
        try {
            once = fetchOnce(context, url, url, 0, jobId);
        } catch (RuntimeException e) {
            once = CompletableFuture.failedFuture(e);
        }
        once.whenComplete((outcome, error) -> {
            if (error != null) {
                settle(context, result, Failures.unwrap(error));
                return;
            }
            if (outcome.stored) {
                settle(context, result, null);
                return;
            }
            if (context.isCancelled()) {
                settle(context, result, cancelled(jobId));
                return;
            }
            if (n >= policy.maxAttempts()) {
                settle(context, result, fail("fetching the image from " + Redactor.url(url) + " failed: "
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
                settle(context, result, new GenerationCancelledException("provider " + providerId + ": the "
                        + "client is closing; the image was not fetched again", providerId, jobId, null));
            }
        });
    }

    /**
     * Completes {@code result} on the generation's executor: the last piece of the body arrives on one of the HTTP
     * client's few threads, and code chained on the result (the provider's) must not run there.
     */
    private static void settle(GenerationContext context, CompletableFuture<Void> result, Throwable failure) {
        Runnable completion = () -> {
            if (failure == null) {
                result.complete(null);
            } else {
                result.completeExceptionally(failure);
            }
        };
        try {
            context.executor().execute(completion);
        } catch (RejectedExecutionException e) {
            completion.run(); // the client is closing; whoever waits still hears the outcome
        }
    }

    private GenerationCancelledException cancelled(String jobId) {
        return new GenerationCancelledException("provider " + providerId + ": the generation ended while the image "
                + "was being fetched", providerId, jobId, null);
    }

    /** What one GET needs to decide its outcome from the JDK's future, held only until an outcome is known. */
    private record Fetch(GenerationContext context, URI url, URI at, int hops, String jobId, Receiver receiver) {
    }

    /** The outcome of one attempt that did not fail for good: stored, or worth another attempt. */
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

    /** One GET of {@code at} ({@code hops} redirects after {@code url}), following further redirects itself. */
    private CompletableFuture<Outcome> fetchOnce(GenerationContext context, URI url, URI at, int hops, String jobId) {
        checkAllowed(at, jobId);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(at).timeout(headerTimeout).GET()
                    .header("Accept", "image/png, image/jpeg, image/webp, */*;q=0.5").build();
        } catch (IllegalArgumentException e) {
            throw fail("the image URL " + Redactor.url(at) + " cannot be fetched: it is not a URL the HTTP client "
                    + "accepts", jobId, null);
        }
        Receiver receiver = new Receiver(context, at, jobId);
        CompletableFuture<HttpResponse<Void>> sent = client.sendAsync(request, receiver);
        context.onCancel(() -> {
            receiver.stop(cancelled(jobId));
            sent.cancel(true);
        });
        // a 200 whose body the sink accepted is stored the moment the subscriber completes, on the HTTP thread that
        // read the last bytes; the future sendAsync returns says so only after JDK 17 has handed its completion to
        // another thread. Everything else (redirects, errors, failures before the body) comes from that future.
        // Until then the JDK's exchange holds what is chained on it: the generation is reached only through `open`,
        // which the first of the two paths clears, so a client that outruns those threads piles up nothing.
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        AtomicReference<Fetch> open = new AtomicReference<>(new Fetch(context, url, at, hops, jobId, receiver));
        receiver.stored.thenRun(() -> {
            if (open.getAndSet(null) != null) {
                outcome.complete(Outcome.STORED);
            }
        });
        sent.<CompletionStage<Outcome>>handle((response, error) -> {
            Fetch f = open.getAndSet(null);
            if (f == null) {
                return CompletableFuture.completedFuture(Outcome.STORED); // stored already; outcome is complete
            }
            if (f.receiver.failure != null) {
                throw f.receiver.failure; // the body had started: a failure is final, never retried
            }
            if (error != null) {
                Throwable cause = Failures.unwrap(error);
                if (f.context.isCancelled()) {
                    throw cancelled(f.jobId);
                }
                if (Failures.isPermanent(cause)) {
                    throw fail("fetching the image from " + Redactor.url(f.at) + " failed: "
                            + Failures.inWords(cause, f.at) + "; this does not change by trying again", f.jobId, cause);
                }
                return CompletableFuture.completedFuture(new Outcome(false, Failures.inWords(cause, f.at), null,
                        cause));
            }
            return afterHeaders(f.context, f.url, f.at, f.hops, f.jobId, response);
        }).thenCompose(next -> next).whenComplete((o, error) -> {
            if (error != null) {
                outcome.completeExceptionally(error);
            } else {
                outcome.complete(o);
            }
        });
        return outcome;
    }

    private CompletionStage<Outcome> afterHeaders(GenerationContext context, URI url, URI at, int hops, String jobId,
            HttpResponse<Void> response) {
        int status = response.statusCode();
        if (status == 200) {
            return CompletableFuture.completedFuture(Outcome.STORED);
        }
        if (status >= 300 && status < 400 && status != 304) {
            String location = response.headers().firstValue("Location").orElse(null);
            if (location == null) {
                throw fail("the image URL " + Redactor.url(at) + " answered HTTP " + status + " without a "
                        + "Location to follow", jobId, null);
            }
            if (hops >= maxRedirects) {
                throw fail("the image URL " + Redactor.url(url) + " redirected more than " + maxRedirects
                        + " times; refusing to follow further", jobId, null);
            }
            URI next;
            try {
                next = at.resolve(location.strip());
            } catch (IllegalArgumentException e) {
                throw fail("the image URL " + Redactor.url(at) + " redirected to a Location that is not a URL",
                        jobId, null);
            }
            return fetchOnce(context, url, next, hops + 1, jobId);
        }
        if (status == 403 || status == 404 || status == 410) {
            throw fail("the image URL " + Redactor.url(at) + " answered HTTP " + status + ": it has expired or never "
                    + "existed (provider image URLs are short-lived); generate the image again", jobId, null);
        }
        if (!HttpCaller.retried(Idempotency.IDEMPOTENT, status)) {
            throw fail("the image URL " + Redactor.url(at) + " answered HTTP " + status + "; generate the image "
                    + "again", jobId, null);
        }
        return CompletableFuture.completedFuture(new Outcome(false, "HTTP " + status, RetryAfter.parse(
                response.headers().firstValue("Retry-After").orElse(null), java.time.Instant.now()).orElse(null),
                null));
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

    /**
     * Receives one response. A 200's body goes straight into the generation's sink, piece by piece, on the HTTP
     * client's threads; any other body is discarded (its status decides what happens next). Once the sink has been
     * opened, a failure is final ({@link #failure}) and the attempt is not repeated: a second download could store a
     * second image.
     */
    private final class Receiver implements HttpResponse.BodyHandler<Void> {
        /** The generation's context, until the image is stored: the JDK's exchange holds this handler longer. */
        private volatile GenerationContext context;
        private final URI at;
        private final String jobId;
        /** Set once, under the lock of the subscriber that failed. */
        volatile RuntimeException failure;
        /** Completed when a 200's body has been stored whole. */
        final CompletableFuture<Void> stored = new CompletableFuture<>();
        private volatile ToSink body;

        Receiver(GenerationContext context, URI at, String jobId) {
            this.context = context;
            this.at = at;
            this.jobId = jobId;
        }

        @Override
        public HttpResponse.BodySubscriber<Void> apply(HttpResponse.ResponseInfo info) {
            if (info.statusCode() != 200) {
                return HttpResponse.BodySubscribers.discarding();
            }
            ToSink s = new ToSink(this, info.headers().firstValueAsLong("Content-Length").orElse(-1),
                    info.headers().firstValue("Content-Type").orElse(null));
            body = s;
            return s;
        }

        /** Ends a body still arriving (cancellation); before the headers nothing needs stopping here. */
        void stop(RuntimeException why) {
            ToSink s = body;
            if (s != null) {
                s.end(why);
            }
        }
    }

    /** Feeds a 200's body into an {@link ImageSink.Upload}, checking its length and watching for silence. */
    private final class ToSink implements HttpResponse.BodySubscriber<Void> {
        private final Receiver receiver;
        private final long length;
        private final String type;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private ImageSink.Upload upload;
        private StallWatch watch;
        private long count;
        private boolean ended;

        ToSink(Receiver receiver, long length, String type) {
            this.receiver = receiver;
            this.length = length;
            this.type = type;
        }

        @Override
        public synchronized void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (ended) {
                s.cancel();
                return;
            }
            ImageSink sink = receiver.context.images();
            if (length > sink.maxBytes()) {
                end(fail("the image at " + Redactor.url(receiver.at) + " is " + length + " bytes, larger than the cap "
                        + "of " + sink.maxBytes() + " bytes; raise the client's maxImageBytes if such images are "
                        + "expected", receiver.jobId, null));
                return;
            }
            try {
                upload = sink.open(type, receiver.at, length);
            } catch (RuntimeException e) {
                end(e);
                return;
            }
            watch = StallWatch.start(receiver.context.scheduler(), stallTimeout, () -> end(reading(watch.stalled())));
            s.request(1);
        }

        @Override
        public synchronized void onNext(List<ByteBuffer> pieces) {
            if (ended) {
                return;
            }
            try {
                for (ByteBuffer piece : pieces) {
                    int n = piece.remaining();
                    count += n;
                    watch.progress(n);
                    if (length >= 0 && count > length) {
                        throw reading(new IOException("the body is longer than its Content-Length of " + length
                                + " bytes"));
                    }
                    upload.write(piece);
                }
            } catch (RuntimeException e) {
                end(e);
                return;
            } catch (OutOfMemoryError e) {
                end(outOfMemory(e));
                return;
            }
            subscription.request(1);
        }

        @Override
        public synchronized void onError(Throwable t) {
            if (!ended) {
                // the JDK's words for a body that ended early are "fixed content-length: N, bytes received: M"
                end(t instanceof OutOfMemoryError oom ? outOfMemory(oom)
                        : length >= 0 && count < length && t instanceof IOException ? cutShort()
                        : reading(t instanceof IOException io ? io : new IOException(String.valueOf(t), t)));
            }
        }

        /** Memory ran out while the image arrived: said as such, not as a download cut short. */
        private RuntimeException outOfMemory(OutOfMemoryError e) {
            return fail("the image from " + Redactor.url(receiver.at) + " did not fit in memory (" + count + " of "
                    + (length >= 0 ? length + " bytes arrived" : "its bytes arrived") + "; " + e.getMessage() + "): "
                    + "give the JVM more heap (-Xmx), keep fewer generations in flight, or write images to files "
                    + "(ImageDestination.directory)", receiver.jobId, e);
        }

        private RuntimeException cutShort() {
            return reading(new IOException("the download was cut short: " + count + " of " + length
                    + " bytes (Content-Length) arrived; fetch it again"));
        }

        @Override
        public synchronized void onComplete() {
            if (ended) {
                return;
            }
            if (length >= 0 && count < length) {
                end(cutShort());
                return;
            }
            try {
                upload.complete();
            } catch (RuntimeException e) {
                end(e);
                return;
            }
            ended = true;
            watch.stop();
            upload = null;
            receiver.context = null;
            receiver.stored.complete(null);
            done.complete(null);
        }

        @Override
        public CompletionStage<Void> getBody() {
            return done;
        }

        /** Ends the body with {@code why}: the upload is dropped, the exchange abandoned, the attempt failed. */
        synchronized void end(RuntimeException why) {
            if (ended) {
                return;
            }
            ended = true;
            if (receiver.failure == null) {
                receiver.failure = why;
            }
            if (watch != null) {
                watch.stop();
            }
            if (upload != null) {
                upload.abort();
            }
            if (subscription != null) {
                subscription.cancel();
            }
            done.completeExceptionally(why);
        }

        private RuntimeException reading(IOException e) {
            GenerationContext context = receiver.context;
            if (context != null && context.isCancelled()) {
                return cancelled(receiver.jobId);
            }
            String host = receiver.at.getHost() == null ? "the provider" : receiver.at.getHost();
            return fail("reading the image from " + host + " failed: " + e.getMessage(), receiver.jobId, e);
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
