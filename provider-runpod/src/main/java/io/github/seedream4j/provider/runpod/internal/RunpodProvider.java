package io.github.seedream4j.provider.runpod.internal;

import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.GenerationTimeoutException;
import io.github.seedream4j.OutcomeUnknownException;
import io.github.seedream4j.Warning;
import io.github.seedream4j.http.ErrorKind;
import io.github.seedream4j.http.ErrorReport;
import io.github.seedream4j.http.ErrorTranslator;
import io.github.seedream4j.http.HttpCaller;
import io.github.seedream4j.http.HttpReply;
import io.github.seedream4j.http.Idempotency;
import io.github.seedream4j.http.ImageDownloader;
import io.github.seedream4j.http.Json;
import io.github.seedream4j.http.PollGate;
import io.github.seedream4j.http.PollSchedule;
import io.github.seedream4j.provider.runpod.RunpodSettings;
import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.spi.ProviderResult;
import io.github.seedream4j.spi.SettingKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Seedream on Runpod's job API: {@code POST /run} on the text-to-image endpoint, or on the edit endpoint for a
 * call with reference images (a resume picks the endpoint the same way, from the call's images), then {@code GET /status/{id}} until the job ends, then the image
 * is fetched at once (Runpod's URLs expire). The job id is reported as soon as the {@code /run} answer arrives, also
 * when the generation was cancelled meanwhile: that answer is awaited, not aborted, and the job is then cancelled
 * ({@code POST /cancel/{id}}) on arrival. Polls come a sixth of the job's age apart (250 ms to 3 s), through one
 * poll gate for all the provider's generations ({@code max-polls-per-second}), waited for on the generation's
 * scheduler; no thread sleeps. The deadline is the client's: the provider polls until the generation is cancelled,
 * whatever the clock says.
 * Thread-safe.
 */
final class RunpodProvider implements ImageProvider {

    static final String ID = RunpodProviderFactory.ID;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final PollSchedule SCHEDULE = PollSchedule.defaults();
    private static final System.Logger LOG = System.getLogger("io.github.seedream4j.provider." + ID);

    private final RunpodConfig config;
    private final Route textToImage;
    private final Route edit;
    private final ImageDownloader downloader;
    /** Every status call of every generation of this provider instance goes through it. */
    private final PollGate gate;

    RunpodProvider(RunpodConfig config) {
        this.config = config;
        this.gate = config.pollGate();
        this.textToImage = route(config, config.endpoint(), RunpodSettings.ENDPOINT);
        this.edit = route(config, config.editEndpoint(), RunpodSettings.EDIT_ENDPOINT);
        this.downloader = ImageDownloader.builder(ID).build();
    }

    /**
     * One endpoint with its error translation: a 404 names the setting that chose it.
     *
     * @param endpoint the endpoint id
     * @param errors the translator for its answers
     * @param http the caller that uses it
     */
    private record Route(String endpoint, ErrorTranslator errors, HttpCaller http) {
    }

    private static Route route(RunpodConfig config, String endpoint, SettingKey setting) {
        ErrorTranslator errors = ErrorTranslator.builder(ID).credential(RunpodSettings.API_KEY)
                .secrets(config.apiKey()).console("the Runpod console")
                .notFoundAdvice("endpoint '" + endpoint + "' does not exist at " + config.baseUrl()
                        + ": check the setting '" + setting.name() + "' (" + setting.propertyName(ID) + ")")
                .build();
        return new Route(endpoint, errors, HttpCaller.builder(ID).errors(errors).timeout(REQUEST_TIMEOUT).build());
    }

    /** The endpoint for {@code call}: the edit endpoint when it has reference images, so a resume finds it too. */
    private Route routeOf(ProviderCall call) {
        return RunRequest.isEdit(call) ? edit : textToImage;
    }

    @Override
    public CompletableFuture<ProviderResult> generate(ProviderCall call, GenerationContext context) {
        Route route = routeOf(call);
        if (RunRequest.isEdit(call)) {
            warnUnsent(call, context);
        }
        HttpRequest run = request(route, "run").POST(Json.body(RunRequest.of(call))).build();
        return route.http().submit(context, run).thenCompose(reply -> {
            Job job = submission(route, reply);
            context.progress().submitted(job.id());
            AtomicBoolean over = new AtomicBoolean(job.isTerminal());
            cancelOnCancel(route, job.id(), over, context);
            if (context.isCancelled()) {
                throw cancelled(job.id());
            }
            return follow(route, job, over, context);
        });
    }

    /** Says which options the edit endpoint does not take, since Runpod documents neither seed nor negative prompt. */
    private static void warnUnsent(ProviderCall call, GenerationContext context) {
        call.request().seed().ifPresent(s -> context.progress().warn(Warning.of(Warning.UNSUPPORTED_OPTION,
                "seed " + s.value() + " was not sent: Runpod's Seedream 4.0 edit endpoint documents no seed, so the "
                        + "seed reported with the image does not reproduce it")));
        call.request().negativePrompt().ifPresent(p -> context.progress().warn(Warning.of(
                Warning.UNSUPPORTED_OPTION, "the negative prompt was not sent: Runpod's Seedream 4.0 edit endpoint "
                        + "documents none; say what to avoid in the prompt instead")));
    }

    @Override
    public CompletableFuture<ProviderResult> resume(String jobId, ProviderCall call, GenerationContext context) {
        Route route = routeOf(call);
        AtomicBoolean over = new AtomicBoolean();
        cancelOnCancel(route, jobId, over, context);
        return follow(route, Job.resumed(jobId), over, context);
    }

    /**
     * Cancels the job on Runpod when the generation ends without it, at once if it already did; once, and not when
     * Runpod already reported the job finished ({@code over}).
     */
    private void cancelOnCancel(Route route, String jobId, AtomicBoolean over, GenerationContext context) {
        context.onCancel(() -> {
            if (over.compareAndSet(false, true)) {
                cancelJob(route, jobId);
            }
        });
    }

    private void cancelJob(Route route, String jobId) {
        HttpRequest cancel = request(route, "cancel/" + jobId).POST(HttpRequest.BodyPublishers.noBody()).build();
        route.http().sendDetached(cancel, Idempotency.IDEMPOTENT).whenComplete((reply, error) -> {
            if (error == null) {
                LOG.log(System.Logger.Level.DEBUG, () -> "cancel of Runpod job " + jobId + ": HTTP " + reply.status());
            } else {
                LOG.log(System.Logger.Level.WARNING, () -> "cancelling Runpod job " + jobId + " failed ("
                        + route.errors().redactor().serverText(String.valueOf(error.getMessage()))
                        + "); cancel it in the Runpod console");
            }
        });
    }

    /** Polls {@code job} until it ends, then fetches its image; {@code over} is set once Runpod says it ended. */
    private CompletableFuture<ProviderResult> follow(Route route, Job job, AtomicBoolean over,
            GenerationContext context) {
        if (job.isTerminal()) {
            return finish(route, job, context);
        }
        CompletableFuture<ProviderResult> result = new CompletableFuture<>();
        schedulePoll(route, job.id(), Duration.ZERO, System.nanoTime(), over, context, result);
        return result;
    }

    private void schedulePoll(Route route, String jobId, Duration delay, long since, AtomicBoolean over,
            GenerationContext context, CompletableFuture<ProviderResult> result) {
        gate.schedule(context, delay, () -> poll(route, jobId, since, over, context, result),
                () -> result.completeExceptionally(cancelled(jobId)));
    }

    private void poll(Route route, String jobId, long since, AtomicBoolean over, GenerationContext context,
            CompletableFuture<ProviderResult> result) {
        route.http().send(context, request(route, "status/" + jobId).GET().build(), Idempotency.IDEMPOTENT)
                .whenComplete((reply, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                        return;
                    }
                    Job job;
                    try {
                        job = status(route, jobId, reply);
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                        return;
                    }
                    context.progress().polled(jobId, job.state());
                    if (!job.isTerminal()) {
                        schedulePoll(route, jobId, SCHEDULE.pauseSince(since), since, over, context, result);
                        return;
                    }
                    over.set(true); // nothing left to cancel, whatever happens to the image
                    finish(route, job, context).whenComplete((done, failed) -> {
                        if (failed != null) {
                            result.completeExceptionally(failed);
                        } else {
                            result.complete(done);
                        }
                    });
                });
    }

    /** The outcome of a finished job: its image fetched into the sink, or the failure it reports. */
    private CompletableFuture<ProviderResult> finish(Route route, Job job, GenerationContext context) {
        String id = job.id();
        switch (job.state()) {
            case "COMPLETED":
                break;
            case "FAILED":
                return CompletableFuture.failedFuture(new GenerationFailedException("provider runpod: job " + id
                        + " failed: " + failure(route, job) + "; Runpod does not charge failed generations", ID, id, null));
            case "CANCELLED":
                return CompletableFuture.failedFuture(new GenerationCancelledException("provider runpod: job " + id
                        + " was cancelled", ID, id, null));
            default:
                return CompletableFuture.failedFuture(new GenerationTimeoutException("provider runpod: job " + id
                        + " timed out on Runpod (it expired in the queue or its worker did not report back); send "
                        + "the request again", ID, id, null));
        }
        String url = job.imageUrl().orElse(null);
        if (url == null) {
            return CompletableFuture.failedFuture(new GenerationFailedException("provider runpod: job " + id
                    + " is COMPLETED but its output has no image_url or result; nothing can be fetched. Send the "
                    + "request again", ID, id, null));
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return CompletableFuture.failedFuture(new GenerationFailedException("provider runpod: job " + id
                    + " returned an image URL that is not a valid URL; send the request again", ID, id, null));
        }
        return downloader.download(context, uri, id).thenApply(stored -> ProviderResult.builder().jobId(id)
                .reportedCost(job.cost().orElse(null), "USD")
                .queue(job.delayTime() == null ? null : Duration.ofMillis(job.delayTime()))
                .execution(job.executionTime() == null ? null : Duration.ofMillis(job.executionTime()))
                .build());
    }

    /** The job in the answer to {@code /run}, whatever the HTTP status, or the error it stands for. */
    private static Job submission(Route route, HttpReply reply) {
        ErrorTranslator errors = route.errors();
        Job job = parse(reply);
        if (job != null && job.id() != null && !job.id().isBlank()) {
            return job;
        }
        ErrorReport report = errors.report(reply, null);
        if (job != null) {
            throw new OutcomeUnknownException(errors.describe(report) + "; the answer has status " + job.state()
                    + " but no job id, so the job cannot be followed. " + errors.notSentAgain(), ID, null, null);
        }
        if (reply.isSuccess()) {
            throw errors.exception(ErrorKind.OUTCOME_UNKNOWN, report, "the answer names no job, and Runpod may have "
                    + "started a paid job anyway. " + errors.notSentAgain());
        }
        throw errors.translate(report);
    }

    /** The job in the answer to a status poll, or the error it stands for. */
    private static Job status(Route route, String jobId, HttpReply reply) {
        ErrorTranslator errors = route.errors();
        Job job = parse(reply);
        if (job != null) {
            return job.withIdIfMissing(jobId);
        }
        ErrorReport report = errors.report(reply, jobId);
        if (reply.status() == 404) {
            throw errors.exception(ErrorKind.FAILED, report, "job " + jobId + " is unknown or expired (Runpod keeps "
                    + "/run results 30 minutes); send the request again");
        }
        if (reply.status() < 400) {
            throw errors.exception(ErrorKind.FAILED, report, "the answer names no job status; resume job " + jobId
                    + " later");
        }
        throw errors.translate(report);
    }

    /** A job read from a body that has a {@code status}, whatever the HTTP status; {@code null} otherwise. */
    private static Job parse(HttpReply reply) {
        try {
            JsonNode tree = Json.mapper().readTree(reply.body());
            if (tree == null || !tree.isObject() || !tree.hasNonNull("status") || !tree.get("status").isString()) {
                return null;
            }
            return Json.mapper().treeToValue(tree, Job.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Runpod's reason for a FAILED job; a JSON document inside the text gives its inner message. */
    private static String failure(Route route, Job job) {
        JsonNode e = job.error();
        if (e == null || e.isNull()) {
            return "Runpod gave no reason";
        }
        String text = e.isString() ? e.asString() : e.toString();
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        if (open >= 0 && close > open) {
            String inner = innerMessage(text.substring(open, close + 1));
            if (inner != null) {
                text = inner;
            }
        }
        String said = route.errors().redactor().serverText(text);
        return said.isEmpty() ? "Runpod gave no reason" : said;
    }

    private static String innerMessage(String json) {
        try {
            JsonNode node = Json.mapper().readTree(json);
            for (String field : new String[] {"message", "error_message", "detail", "error"}) {
                JsonNode v = node.get(field);
                if (v != null && v.isString() && !v.asString().isBlank()) {
                    return v.asString();
                }
                if (v != null && v.isObject() && v.hasNonNull("message")) {
                    return v.get("message").asString();
                }
            }
        } catch (JacksonException ignored) {
            // not JSON after all: the whole text is the reason
        }
        return null;
    }

    private HttpRequest.Builder request(Route route, String operation) {
        return HttpRequest.newBuilder(config.url(route.endpoint(), operation)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + config.apiKey().reveal())
                .header("Content-Type", "application/json").header("Accept", "application/json");
    }

    private static GenerationCancelledException cancelled(String jobId) {
        return new GenerationCancelledException("provider runpod: the generation ended; job " + jobId + " is "
                + "cancelled on Runpod", ID, jobId, null);
    }

    @Override
    public String toString() {
        return "RunpodProvider[" + config + "]";
    }
}
