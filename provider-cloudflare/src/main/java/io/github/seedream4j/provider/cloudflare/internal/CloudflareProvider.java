package io.github.seedream4j.provider.cloudflare.internal;

import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.Warning;
import io.github.seedream4j.http.ErrorDetail;
import io.github.seedream4j.http.ErrorKind;
import io.github.seedream4j.http.ErrorReport;
import io.github.seedream4j.http.ErrorTranslator;
import io.github.seedream4j.http.HttpCaller;
import io.github.seedream4j.http.HttpReply;
import io.github.seedream4j.http.Idempotency;
import io.github.seedream4j.http.ImageDownloader;
import io.github.seedream4j.http.Json;
import io.github.seedream4j.http.RetryPolicy;
import io.github.seedream4j.provider.cloudflare.CloudflareSettings;
import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.spi.ProviderResult;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one call against {@code /ai/run} (Seedream 4.0, 4.5 or 5.0 lite, as the call's model offer says) and fetches
 * the images at once (the URL points at ByteDance storage and
 * expires). Cloudflare has no job id and keeps no result, so a call that may have been accepted is never sent
 * again; cancellation aborts the call in flight. Errors go through the toolkit's translator with
 * {@link CloudflareErrors}. Thread-safe.
 */
final class CloudflareProvider implements ImageProvider {

    private static final String ID = CloudflareSettings.PROVIDER_ID;
    /** The most bytes of an answer read; image URLs are small, error pages may not be. */
    private static final long MAX_REPLY_BYTES = 1024 * 1024;

    private final CloudflareConfig config;
    private final ErrorTranslator errors;
    private final HttpCaller http;
    private final ImageDownloader downloader;

    CloudflareProvider(CloudflareConfig config) {
        this(config, RetryPolicy.builder().maxAttempts(config.maxAttempts()).build());
    }

    CloudflareProvider(CloudflareConfig config, RetryPolicy policy) {
        this.config = config;
        this.errors = new CloudflareErrors(config).translator(config);
        this.http = HttpCaller.builder(ID).errors(errors).retryPolicy(policy).timeout(config.timeout())
                .maxReplyBytes(MAX_REPLY_BYTES).build();
        this.downloader = ImageDownloader.builder(ID).headerTimeout(config.timeout()).retryPolicy(policy).build();
    }

    @Override
    public CompletableFuture<ProviderResult> generate(ProviderCall call, GenerationContext context) {
        Object body;
        try {
            body = RequestMapper.toBody(config.model(), call);
        } catch (InvalidRequestException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(config.runUrl()).timeout(config.timeout())
                .header("Authorization", "Bearer " + config.token().reveal())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(Json.body(body));
        if (call.model().model() != SeedreamModel.V4_0) {
            call.request().enhancePrompt().ifPresent(e -> context.progress().warn(Warning.of(
                    Warning.UNSUPPORTED_OPTION, "prompt enhancement was not sent: Cloudflare's schema for Seedream "
                            + call.model().model() + " has no enhance_prompt")));
        }
        if (config.gatewayId() != null) {
            request.header("cf-aig-gateway-id", config.gatewayId());
        }
        return http.send(context, request.build(), Idempotency.NON_IDEMPOTENT).thenCompose(reply -> {
            RunOutcome outcome = ResponseParser.parse(reply.body());
            if (!reply.isSuccess() || !(outcome instanceof RunOutcome.Completed done)) {
                throw failure(reply, outcome);
            }
            context.logger().log(System.Logger.Level.DEBUG, () -> "call " + call.callIndex() + ": Cloudflare returned "
                    + done.images().size() + " image URL(s), key source " + done.keySource());
            return fetch(done.images(), call, context);
        });
    }

    /** Fetches the images one after another; more than the call asked for are left out with a warning. */
    private CompletableFuture<ProviderResult> fetch(List<URI> urls, ProviderCall call, GenerationContext context) {
        ProviderResult.Builder result = ProviderResult.builder();
        List<URI> wanted = urls;
        if (urls.size() > call.images()) {
            result.warning(Warning.of("extra-images", "Cloudflare returned " + urls.size() + " images for a call that "
                    + "asked for " + call.images() + "; only the first " + call.images() + " were fetched"));
            wanted = urls.subList(0, call.images());
        }
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (URI url : wanted) {
            chain = chain.thenCompose(previous -> downloader.download(context, url, null));
        }
        return chain.thenApply(done -> result.build());
    }

    /** The exception for an answer that is not a completed run. */
    private SeedreamException failure(HttpReply reply, RunOutcome outcome) {
        ErrorReport report = errors.report(reply, null);
        if (outcome instanceof RunOutcome.Failed failed) {
            return errors.translate(report.withDetails(failed.errors().stream().map(RunOutcome.ApiError::toDetail)
                    .toList()));
        }
        if (!reply.isSuccess()) {
            return errors.translate(report);
        }
        // Cloudflare answers only when the run is over: a 2xx whose body cannot be read is a lost image URL
        if (outcome instanceof RunOutcome.Unreadable unreadable) {
            return errors.exception(ErrorKind.OUTCOME_UNKNOWN, report.withDetails(List.of(ErrorDetail.of(
                    unreadable.reason()))), CloudflareErrors.lostAnswer());
        }
        return errors.exception(ErrorKind.FAILED, report.withDetails(List.of(ErrorDetail.of(
                ((RunOutcome.NoImage) outcome).reason()))), CloudflareErrors.billedNoImage());
    }

    @Override
    public String toString() {
        return "CloudflareProvider[account=" + config.accountId() + ", model=" + config.model() + ", baseUrl="
                + config.baseUrl() + "]";
    }
}
