package io.github.seedream4j.provider.cloudflare.internal;

import feign.Request;
import feign.Response;
import io.github.seedream4j.GeneratedImage;
import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.OutcomeUnknownException;
import io.github.seedream4j.Warning;
import io.github.seedream4j.http.FeignSupport;
import io.github.seedream4j.http.Idempotency;
import io.github.seedream4j.http.ImageDownloader;
import io.github.seedream4j.http.Retrier;
import io.github.seedream4j.http.RetryAfter;
import io.github.seedream4j.http.RetryListener;
import io.github.seedream4j.http.RetryPolicy;
import io.github.seedream4j.provider.cloudflare.CloudflareSettings;
import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.spi.ProviderResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Runs one call against {@code /ai/run} and fetches the image at once (the URL points at ByteDance storage and
 * expires). Cloudflare has no job id and keeps no result, so a call that may have been accepted is never sent
 * again. Thread-safe.
 */
final class CloudflareProvider implements ImageProvider {

    private static final String ID = CloudflareSettings.PROVIDER_ID;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The most bytes of a response body read; image URLs are small, error pages may not be. */
    private static final int MAX_BODY_BYTES = 256 * 1024;

    private final CloudflareConfig config;
    private final CloudflareApi api;
    private final Retrier retrier;
    private final ImageDownloader downloader;
    private final ErrorTranslator errors;
    private final String what;

    CloudflareProvider(CloudflareConfig config) {
        this(config, RetryPolicy.builder().maxAttempts(config.maxAttempts()).build());
    }

    CloudflareProvider(CloudflareConfig config, RetryPolicy policy) {
        this.config = config;
        Duration connect = min(CONNECT_TIMEOUT, config.timeout());
        String gateway = config.gatewayId();
        this.api = FeignSupport.builder(config.token(), FeignSupport.jsonMapper(),
                        System.getLogger("io.github.seedream4j.provider." + ID), connect, config.timeout())
                .requestInterceptor(t -> {
                    if (gateway != null) {
                        t.header("cf-aig-gateway-id", gateway);
                    }
                })
                .target(CloudflareApi.class, config.baseUrl().toString());
        this.retrier = Retrier.of(ID, policy);
        this.downloader = ImageDownloader.builder(ID).connectTimeout(connect).readTimeout(config.timeout())
                .retryPolicy(policy).build();
        this.errors = new ErrorTranslator(config.accountId(), config.model(), config.baseUrl().toString(),
                config.token());
        this.what = "POST /accounts/" + config.accountId() + "/ai/run";
    }

    @Override
    public ProviderResult generate(ProviderCall call, GenerationContext context) {
        checkCancelled(context, "before sending the request; nothing was sent");
        RunRequest body = RequestMapper.toRunRequest(config.model(), call.request());
        Request.Options options = FeignSupport.options(min(CONNECT_TIMEOUT, config.timeout()), readTimeout(context));
        RetryListener listener = context::retried;
        int status;
        byte[] bytes;
        Duration retryAfter;
        try (Response response = retrier.execute(what, Idempotency.NON_IDEMPOTENT,
                () -> api.run(config.accountId(), body, options), listener)) {
            status = response.status();
            retryAfter = RetryAfter.parse(Retrier.header(response, "Retry-After"), Instant.now()).orElse(null);
            bytes = read(response, status);
        }
        RunOutcome outcome = ResponseParser.parse(bytes);
        if (status < 200 || status >= 300 || !(outcome instanceof RunOutcome.Completed)) {
            throw errors.translate(status, outcome, retryAfter);
        }
        RunOutcome.Completed done = (RunOutcome.Completed) outcome;
        context.logger().log(System.Logger.Level.DEBUG, () -> "call " + call.callIndex() + ": Cloudflare returned "
                + done.images().size() + " image URL(s), key source " + done.keySource());
        List<URI> urls = done.images();
        ProviderResult.Builder result = ProviderResult.builder();
        if (urls.size() > call.images()) {
            result.warning(Warning.of("extra-images", "Cloudflare returned " + urls.size() + " images for a call that "
                    + "asked for " + call.images() + "; only the first " + call.images() + " were fetched"));
            urls = urls.subList(0, call.images());
        }
        for (URI url : urls) {
            checkCancelled(context, "after Cloudflare generated the image (billed) and before it was fetched");
            GeneratedImage image = downloader.download(url, context.images(), null, listener);
            result.image(image);
        }
        return result.build();
    }

    private static void checkCancelled(GenerationContext context, String when) {
        if (context.isCancelled()) {
            throw new GenerationCancelledException("provider " + ID + ": the generation was cancelled " + when, ID,
                    null, null);
        }
    }

    /** The request timeout, cut to what is left of the generation's deadline. */
    private Duration readTimeout(GenerationContext context) {
        Duration left = context.remaining();
        Duration t = left.isZero() ? config.timeout() : min(config.timeout(), left);
        return t.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : t;
    }

    private byte[] read(Response response, int status) {
        if (response.body() == null) {
            return new byte[0];
        }
        try (InputStream in = response.body().asInputStream()) {
            return in.readNBytes(MAX_BODY_BYTES);
        } catch (IOException e) {
            if (status >= 200 && status < 300) {
                // Cloudflare ran the model (and billed it) but the answer with the image URL was lost.
                throw new OutcomeUnknownException("provider " + ID + ": " + what + " answered HTTP " + status
                        + " but reading the answer failed (" + e.getClass().getSimpleName() + "); the image was "
                        + "probably generated and billed, but its URL is lost. It was not sent again; check the "
                        + "Cloudflare dashboard before sending the request again", ID, null, e);
            }
            return new byte[0];
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public String toString() {
        return "CloudflareProvider[account=" + config.accountId() + ", model=" + config.model() + ", baseUrl="
                + config.baseUrl() + "]";
    }
}
