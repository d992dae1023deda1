package io.github.seedream4j.http;

import io.github.seedream4j.GeneratedImage;
import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.ImageDownloadException;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.spi.ImageSink;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Fetches a generated image by URL and streams it into an {@link ImageSink}, never holding the whole body: only
 * {@code https} (plain {@code http} only to loopback hosts, for tests and local proxies), at most
 * {@link Builder#maxRedirects(int)} redirects (each checked the same way), a connect timeout and a timeout for the
 * response headers, a {@code Content-Length} larger than the sink's cap refused before reading, and a body shorter
 * than its {@code Content-Length} reported as truncated. Connection failures, 429 and 5xx are retried under the
 * {@link RetryPolicy} until the sink starts reading; 403, 404 and 410 mean the URL expired. Query strings are
 * left out of messages, since signed URLs carry tokens there. Thread-safe.
 */
public final class ImageDownloader {

    private final String providerId;
    private final HttpClient client;
    private final Duration readTimeout;
    private final int maxRedirects;
    private final RetryPolicy policy;
    private final Sleeper sleeper;

    private ImageDownloader(Builder b) {
        this.providerId = Objects.requireNonNull(b.providerId, "providerId");
        this.client = b.client != null ? b.client : FeignSupport.httpClient(b.connectTimeout);
        this.readTimeout = b.readTimeout;
        this.maxRedirects = b.maxRedirects;
        this.policy = b.policy;
        this.sleeper = b.sleeper;
    }

    /** A builder for downloads on behalf of {@code providerId}. */
    public static Builder builder(String providerId) {
        return new Builder(providerId);
    }

    /**
     * Downloads {@code url} into {@code sink}, blocking.
     *
     * @param jobId the provider's job id, carried by exceptions, or {@code null}
     * @param listener told about retries, or {@code null}
     * @return the stored image
     * @throws ImageDownloadException if the URL is refused, expired, unreachable, or the content fails the checks
     * @throws GenerationCancelledException if the thread is interrupted
     */
    public GeneratedImage download(URI url, ImageSink sink, String jobId, RetryListener listener) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sink, "sink");
        for (int attempt = 1; ; attempt++) {
            String retryReason;
            Duration retryAfter = null;
            HttpResponse<InputStream> response = null;
            try {
                URI at = url;
                for (int hops = 0; ; hops++) {
                    checkAllowed(at, jobId);
                    HttpRequest request = HttpRequest.newBuilder(at).timeout(readTimeout).GET()
                            .header("Accept", "image/png, image/jpeg, image/webp, */*;q=0.5").build();
                    response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                    int status = response.statusCode();
                    if (status >= 300 && status < 400 && status != 304) {
                        String location = response.headers().firstValue("Location").orElse(null);
                        closeQuietly(response.body());
                        if (location == null) {
                            throw fail("the image URL " + shown(at) + " answered HTTP " + status
                                    + " without a Location to follow", jobId, null);
                        }
                        if (hops >= maxRedirects) {
                            throw fail("the image URL " + shown(url) + " redirected more than " + maxRedirects
                                    + " times; refusing to follow further", jobId, null);
                        }
                        at = at.resolve(location.strip());
                        continue;
                    }
                    break;
                }
                int status = response.statusCode();
                if (status == 200) {
                    return store(response, sink, at, jobId);
                }
                closeQuietly(response.body());
                if (status == 403 || status == 404 || status == 410) {
                    throw fail("the image URL " + shown(at) + " answered HTTP " + status + ": it has expired or "
                            + "never existed (provider image URLs are short-lived); generate the image again", jobId,
                            null);
                }
                if (!Retrier.retriedStatus(Idempotency.IDEMPOTENT, status) || attempt >= policy.maxAttempts()) {
                    throw fail("the image URL " + shown(at) + " answered HTTP " + status + " after " + attempt
                            + (attempt == 1 ? " attempt" : " attempts") + "; try again later", jobId, null);
                }
                retryReason = "HTTP " + status;
                retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null),
                        java.time.Instant.now()).orElse(null);
            } catch (IOException e) {
                if (attempt >= policy.maxAttempts()) {
                    throw fail("fetching the image from " + shown(url) + " failed " + attempt
                            + (attempt == 1 ? " time" : " times") + ", last with " + Retrier.describe(e)
                            + "; check the network and try again", jobId, e);
                }
                retryReason = Retrier.describe(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GenerationCancelledException("provider " + providerId + ": interrupted while fetching the "
                        + "image from " + shown(url), providerId, jobId, e);
            }
            Duration delay = policy.delay(attempt, retryAfter);
            if (listener != null) {
                listener.retrying(attempt + 1, delay, retryReason);
            }
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GenerationCancelledException("provider " + providerId + ": interrupted while waiting to "
                        + "fetch the image again", providerId, jobId, e);
            }
        }
    }

    private GeneratedImage store(HttpResponse<InputStream> response, ImageSink sink, URI at, String jobId) {
        OptionalLong length = response.headers().firstValueAsLong("Content-Length");
        String type = response.headers().firstValue("Content-Type").orElse(null);
        try (InputStream body = response.body()) {
            if (length.isPresent() && length.getAsLong() > sink.maxBytes()) {
                throw fail("the image at " + shown(at) + " is " + length.getAsLong() + " bytes, larger than the cap of "
                        + sink.maxBytes() + " bytes; raise the client's maxImageBytes if such images are expected",
                        jobId, null);
            }
            return sink.store(new LengthCheckingStream(body, length.orElse(-1)), type, at);
        } catch (SeedreamException e) {
            throw e;
        } catch (IOException e) {
            throw fail("reading the image from " + shown(at) + " failed: " + Retrier.describe(e), jobId, e);
        }
    }

    private void checkAllowed(URI url, String jobId) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw fail("the image URL " + shown(url) + " is not an absolute https URL; refusing to fetch it", jobId,
                    null);
        }
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            throw fail("the image URL " + shown(url) + " uses plain http; only https is fetched (plain http only from "
                    + "this machine)", jobId, null);
        }
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // never resolve a name just to decide
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The URL without its query and fragment, which may hold signing tokens. */
    static String shown(URI url) {
        String s = url.getScheme() + "://" + url.getRawAuthority() + (url.getRawPath() == null ? "" : url.getRawPath());
        return url.getRawQuery() == null ? s : s + "?...";
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

    /** Builds an {@link ImageDownloader}. Not thread-safe. */
    public static final class Builder {
        private final String providerId;
        private HttpClient client;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private int maxRedirects = 5;
        private RetryPolicy policy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder(String providerId) {
            this.providerId = providerId;
        }

        /** The client to use; it must not follow redirects itself. By default one with the connect timeout. */
        public Builder httpClient(HttpClient client) {
            this.client = client;
            return this;
        }

        /** How long connecting may take; 10 s by default. Ignored when a client is given. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** How long to wait for the response headers; 60 s by default. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
            return this;
        }

        /** How many redirects to follow; 5 by default. */
        public Builder maxRedirects(int maxRedirects) {
            if (maxRedirects < 0) {
                throw new IllegalArgumentException("maxRedirects must be 0 or more, not " + maxRedirects);
            }
            this.maxRedirects = maxRedirects;
            return this;
        }

        /** Retries before the sink starts reading; {@link RetryPolicy#defaults()} by default. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** How to wait between attempts; for tests. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The downloader. */
        public ImageDownloader build() {
            return new ImageDownloader(this);
        }
    }
}
