package io.github.seedream4j.provider.runpod.internal;

import feign.Request;
import feign.Response;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.Cost;
import io.github.seedream4j.GeneratedImage;
import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.GenerationTimeoutException;
import io.github.seedream4j.OutcomeUnknownException;
import io.github.seedream4j.http.FeignSupport;
import io.github.seedream4j.http.HttpErrors;
import io.github.seedream4j.http.Idempotency;
import io.github.seedream4j.http.ImageDownloader;
import io.github.seedream4j.http.Retrier;
import io.github.seedream4j.http.RetryAfter;
import io.github.seedream4j.http.RetryListener;
import io.github.seedream4j.http.RetryPolicy;
import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.spi.ProviderResult;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seedream on Runpod. Two flows over the same job API:
 * <ul>
 *   <li>{@link #generate} (blocking) uses {@code POST /runsync?wait=}: one round trip when the job finishes within
 *       the wait; a non-terminal answer falls back to polling {@code /status} at once (sync results are kept only a
 *       minute). The job id is unknown until the answer, so a cancel during the wait cannot reach Runpod.</li>
 *   <li>{@link #generateAsync} (what {@code SeedreamClient} uses) uses {@code POST /run}: the id comes back at once,
 *       is reported, cancels reach Runpod ({@code POST /cancel/{id}}) and the job can be resumed for 30 minutes.
 *       Polls are scheduled on the context's scheduler and each HTTP call runs on its executor; no thread sleeps.</li>
 * </ul>
 * Neither submitting POST is ever sent twice once it may have reached Runpod. Thread-safe.
 */
final class RunpodProvider implements ImageProvider {

    static final String ID = RunpodProviderFactory.ID;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RUNSYNC_MARGIN = Duration.ofSeconds(10);
    private static final Duration FIRST_POLL = Duration.ofMillis(250);
    private static final Duration MAX_POLL = Duration.ofSeconds(3);

    private final RunpodConfig config;
    private final JsonMapper mapper = FeignSupport.jsonMapper();
    private final RunpodApi api;
    private final Retrier retrier = Retrier.of(ID, RetryPolicy.defaults());
    private final HttpErrors errors;
    private final ImageDownloader downloader;

    RunpodProvider(RunpodConfig config) {
        this.config = config;
        System.Logger log = System.getLogger("io.github.seedream4j.provider.runpod");
        this.api = FeignSupport.builder(config.apiKey(), mapper, log, CONNECT_TIMEOUT, READ_TIMEOUT)
                .target(RunpodApi.class, config.baseUrl().toString());
        this.errors = new HttpErrors(ID, "RUNPOD_API_KEY", config.apiKey(), mapper);
        this.downloader = ImageDownloader.builder(ID).connectTimeout(CONNECT_TIMEOUT).readTimeout(READ_TIMEOUT)
                .build();
    }

    // ------------------------------------------------------------------ blocking flow: /runsync

    @Override
    public ProviderResult generate(ProviderCall call, GenerationContext context) {
        String what = "POST /" + config.endpoint() + "/runsync";
        Duration wait = clamp(context.remaining());
        Request.Options options = FeignSupport.options(CONNECT_TIMEOUT, wait.plus(RUNSYNC_MARGIN));
        long since = System.nanoTime();
        Response response = retrier.execute(what, Idempotency.NON_IDEMPOTENT,
                () -> api.runsync(config.endpoint(), wait.toMillis(), body(call), options), listener(context));
        Job job = submission(what, response);
        if (job.id() != null) {
            context.submitted(job.id());
        }
        boolean first = true;
        while (!job.isTerminal()) {
            requireId(what, job);
            checkStillWanted(job.id(), context);
            if (!first) {
                sleep(nextPoll(since), job.id(), context);
            }
            first = false;
            job = status(job.id(), retrier.execute(statusWhat(job.id()), Idempotency.IDEMPOTENT,
                    pollOf(job.id()), listener(context)));
            context.polled(job.id(), job.status());
        }
        return finish(job, context);
    }

    // ------------------------------------------------------------------ non-blocking flow: /run + polling

    @Override
    public CompletableFuture<ProviderResult> generateAsync(ProviderCall call, GenerationContext context) {
        String what = "POST /" + config.endpoint() + "/run";
        CompletableFuture<ProviderResult> result = new CompletableFuture<>();
        JsonNode body = body(call);
        Thread caller = Thread.currentThread();
        CompletableFuture<Response> sent = retrier.executeAsync(what, Idempotency.NON_IDEMPOTENT,
                () -> CompletableFuture.supplyAsync(() -> api.run(config.endpoint(), body), context.executor()),
                context.scheduler(), listener(context));
        result.whenComplete((r, e) -> {
            if (e instanceof CancellationException) {
                sent.cancel(false);
            }
        });
        sent.whenComplete((response, error) -> {
            if (error != null) {
                result.completeExceptionally(unwrap(error));
                return;
            }
            try {
                Job job = submission(what, response);
                requireId(what, job);
                context.submitted(job.id());
                // on a worker (the usual case) fetch the image here; never block the thread that called us
                follow(job, context, result, Thread.currentThread() != caller);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    @Override
    public CompletableFuture<ProviderResult> resumeAsync(String jobId, ProviderCall call, GenerationContext context) {
        CompletableFuture<ProviderResult> result = new CompletableFuture<>();
        follow(new Job(jobId, "RESUMED", null, null, null, null), context, result, false);
        return result;
    }

    /** Waits for {@code job} without holding a thread, cancelling it on Runpod when the wait is abandoned. */
    private void follow(Job job, GenerationContext context, CompletableFuture<ProviderResult> result,
            boolean inline) {
        AtomicBoolean cancelSent = new AtomicBoolean();
        Runnable cancel = () -> {
            if (cancelSent.compareAndSet(false, true)) {
                sendCancel(job.id(), context);
            }
        };
        context.onCancel(cancel);
        result.whenComplete((r, e) -> {
            if (e instanceof CancellationException || e instanceof GenerationTimeoutException
                    || e instanceof GenerationCancelledException) {
                cancel.run();
            }
        });
        if (job.isTerminal()) {
            finishAsync(job, context, result, inline);
        } else {
            schedulePoll(job.id(), Duration.ZERO, System.nanoTime(), context, result);
        }
    }

    private void schedulePoll(String jobId, Duration delay, long since, GenerationContext context,
            CompletableFuture<ProviderResult> result) {
        if (result.isDone()) {
            return;
        }
        if (context.isCancelled() || !Instant.now().plus(delay).isBefore(context.deadline())) {
            result.completeExceptionally(context.isCancelled() ? cancelled(jobId) : timedOut(jobId));
            return;
        }
        try {
            context.scheduler().schedule(() -> poll(jobId, since, context, result), delay.toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            result.completeExceptionally(new GenerationCancelledException("provider runpod: the client is closing; "
                    + "stopped waiting for job " + jobId, ID, jobId, e));
        }
    }

    private void poll(String jobId, long since, GenerationContext context, CompletableFuture<ProviderResult> result) {
        if (result.isDone()) {
            return;
        }
        Thread timer = Thread.currentThread();
        retrier.executeAsync(statusWhat(jobId), Idempotency.IDEMPOTENT,
                () -> CompletableFuture.supplyAsync(pollOf(jobId)::get, context.executor()), context.scheduler(),
                listener(context)).whenComplete((response, error) -> {
                    try {
                        if (error != null) {
                            throw unwrap(error);
                        }
                        Job job = status(jobId, response);
                        context.polled(jobId, job.status());
                        if (job.isTerminal()) {
                            // normally on the worker that polled; never fetch on the shared timer thread
                            finishAsync(job, context, result, Thread.currentThread() != timer);
                        } else {
                            schedulePoll(jobId, nextPoll(since), since, context, result);
                        }
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                });
    }

    private void finishAsync(Job job, GenerationContext context, CompletableFuture<ProviderResult> result,
            boolean inline) {
        if (result.isDone()) {
            return;
        }
        if (inline) {
            try {
                result.complete(finish(job, context));
            } catch (RuntimeException | Error e) {
                // an OutOfMemoryError while keeping a huge image in memory must fail the generation, not hang it
                result.completeExceptionally(e);
            }
            return;
        }
        try {
            context.executor().execute(() -> {
                try {
                    result.complete(finish(job, context));
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private void sendCancel(String jobId, GenerationContext context) {
        String what = "POST /" + config.endpoint() + "/cancel/" + jobId;
        try {
            retrier.executeAsync(what, Idempotency.IDEMPOTENT,
                    () -> CompletableFuture.supplyAsync(() -> api.cancel(config.endpoint(), jobId), context.executor()),
                    context.scheduler(), RetryListener.NONE).whenComplete((response, error) -> {
                        if (response != null) {
                            int status = response.status();
                            response.close();
                            context.logger().log(System.Logger.Level.DEBUG, prefix(context) + "cancel of job " + jobId
                                    + ": HTTP " + status);
                        } else {
                            context.logger().log(System.Logger.Level.WARNING, prefix(context)
                                    + "cancelling Runpod job " + jobId + " failed: " + unwrap(error).getMessage()
                                    + "; cancel it in the Runpod console");
                        }
                    });
        } catch (RuntimeException e) {
            context.logger().log(System.Logger.Level.WARNING, prefix(context) + "cancelling Runpod job " + jobId
                    + " failed: " + e.getMessage() + "; cancel it in the Runpod console");
        }
    }

    // ------------------------------------------------------------------ shared

    /** The prefix every generation log line starts with, as core writes it. */
    private static String prefix(GenerationContext context) {
        return "generation " + context.generationId() + " [" + context.providerId() + "] ";
    }

    private ProviderResult finish(Job job, GenerationContext context) {
        String id = job.id();
        switch (job.status()) {
            case "COMPLETED":
                break;
            case "FAILED":
                throw new GenerationFailedException("provider runpod: job " + id + " failed: " + failure(job)
                        + "; Runpod does not charge failed generations", ID, id, null);
            case "CANCELLED":
                throw new GenerationCancelledException("provider runpod: job " + id + " was cancelled", ID, id, null);
            case "TIMED_OUT":
                throw new GenerationTimeoutException("provider runpod: job " + id + " timed out on Runpod (it expired "
                        + "in the queue or its worker did not report back); send the request again", ID, id, null);
            default:
                throw new IllegalStateException("not terminal: " + job.status());
        }
        String url = job.imageUrl().orElseThrow(() -> new GenerationFailedException("provider runpod: job " + id
                + " is COMPLETED but its output has no image_url or result; nothing can be fetched. Send the request "
                + "again", ID, id, null));
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new GenerationFailedException("provider runpod: job " + id + " returned an image URL that is not a "
                    + "valid URL; send the request again", ID, id, e);
        }
        GeneratedImage image = downloader.download(uri, context.images(), id, listener(context));
        return ProviderResult.builder().image(image).jobId(id)
                .reportedCost(job.cost().map(Cost::usd).orElse(null))
                .queue(job.delayMillis() == null ? null : Duration.ofMillis(job.delayMillis()))
                .execution(job.executionMillis() == null ? null : Duration.ofMillis(job.executionMillis()))
                .build();
    }

    /** The job in the answer to a submitting POST, whatever the HTTP status, or the error it stands for. */
    private Job submission(String what, Response response) {
        int status = response.status();
        String retryAfter = Retrier.header(response, "Retry-After");
        String text = HttpErrors.bodyText(response);
        Job job = parse(text);
        if (job != null) {
            return job;
        }
        if (status == 404) {
            throw new ConfigurationException("provider runpod: " + what + " answered HTTP 404" + errors.describe(text)
                    + "; endpoint '" + config.endpoint() + "' does not exist at " + config.baseUrl()
                    + ": check the setting 'endpoint' (seedream.runpod.endpoint)", ID, null, null);
        }
        if (status == 504 || status < 400) {
            throw new OutcomeUnknownException("provider runpod: " + what + " answered HTTP " + status
                    + " without a job" + errors.describe(text) + "; Runpod may have started a paid job anyway. It was "
                    + "not sent again; check the Runpod console before sending the request again", ID, null, null);
        }
        throw errors.translate(what, status, text, RetryAfter.parse(retryAfter, Instant.now()).orElse(null), null,
                null);
    }

    /** The job in the answer to a status poll, or the error it stands for. */
    private Job status(String jobId, Response response) {
        int status = response.status();
        String retryAfter = Retrier.header(response, "Retry-After");
        String text = HttpErrors.bodyText(response);
        Job job = parse(text);
        if (job != null) {
            return job.id() == null ? new Job(jobId, job.status(), job.output(), job.error(), job.delayMillis(),
                    job.executionMillis()) : job;
        }
        String what = statusWhat(jobId);
        if (status == 404) {
            throw new GenerationFailedException("provider runpod: " + what + " answered HTTP 404: job " + jobId
                    + " is unknown or expired (Runpod keeps /run results 30 minutes and /runsync results 1 minute); "
                    + "send the request again", ID, jobId, null);
        }
        if (status < 400) {
            throw new GenerationFailedException("provider runpod: " + what + " answered HTTP " + status
                    + " without a job status" + errors.describe(text) + "; resume job " + jobId + " later", ID, jobId,
                    null);
        }
        throw errors.translate(what, status, text, RetryAfter.parse(retryAfter, Instant.now()).orElse(null), jobId,
                "check the settings 'base-url' and 'endpoint'");
    }

    private Job parse(String text) {
        String t = text.strip();
        if (!t.startsWith("{")) {
            return null;
        }
        try {
            return Job.from(mapper.readTree(t)).orElse(null);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The provider's message for a FAILED job; a JSON document inside the text gives its inner message. */
    private String failure(Job job) {
        JsonNode e = job.error();
        String text;
        if (e == null || e.isNull()) {
            return "Runpod gave no reason";
        } else if (e.isString()) {
            text = e.asString();
            int open = text.indexOf('{');
            int close = text.lastIndexOf('}');
            if (open >= 0 && close > open) {
                String inner = errors.jsonMessage(text.substring(open, close + 1)).orElse(null);
                if (inner == null) {
                    inner = innerMessageField(text.substring(open, close + 1));
                }
                if (inner != null) {
                    text = inner;
                }
            }
        } else {
            text = HttpErrors.jsonMessage(e).orElse(e.toString());
        }
        return errors.message(text).orElse("Runpod gave no reason");
    }

    private String innerMessageField(String json) {
        try {
            JsonNode node = mapper.readTree(json);
            for (String f : new String[] {"error_message", "detail"}) {
                if (node.hasNonNull(f)) {
                    return node.get(f).asString();
                }
            }
        } catch (JacksonException ignored) {
            // not JSON after all: keep the whole text
        }
        return null;
    }

    private JsonNode body(ProviderCall call) {
        ObjectNode input = mapper.createObjectNode();
        input.put("prompt", call.request().prompt().text());
        call.request().negativePrompt().ifPresent(p -> input.put("negative_prompt", p.text()));
        input.put("size", call.resolution().width() + "*" + call.resolution().height());
        call.request().seed().ifPresent(s -> input.put("seed", s.value()));
        call.request().safetyChecker().ifPresent(on -> input.put("enable_safety_checker", on));
        ObjectNode root = mapper.createObjectNode();
        root.set("input", input);
        return root;
    }

    private java.util.function.Supplier<Response> pollOf(String jobId) {
        return () -> api.status(config.endpoint(), jobId);
    }

    private String statusWhat(String jobId) {
        return "GET /" + config.endpoint() + "/status/" + jobId;
    }

    private Duration clamp(Duration remaining) {
        Duration wait = config.runsyncWait();
        if (remaining.compareTo(wait) < 0) {
            wait = remaining;
        }
        return wait.compareTo(RunpodConfig.MIN_WAIT) < 0 ? RunpodConfig.MIN_WAIT : wait;
    }

    /**
     * The pause before the next poll of a job followed since {@code since}: a sixth of its age, from 250 ms to 3 s.
     * A job ending at a random moment is then noticed, on average, about 8% of its age late (and never more than
     * 3 s), where a pause growing by half each time noticed a 10 s job over a second late.
     */
    static Duration nextPoll(long since) {
        long pause = (System.nanoTime() - since) / 6;
        return Duration.ofNanos(Math.max(FIRST_POLL.toNanos(), Math.min(MAX_POLL.toNanos(), pause)));
    }

    private void requireId(String what, Job job) {
        if (job.id() == null || job.id().isBlank()) {
            throw new OutcomeUnknownException("provider runpod: " + what + " answered status " + job.status()
                    + " without a job id, so the job cannot be followed; check the Runpod console before sending the "
                    + "request again", ID, null, null);
        }
    }

    private void checkStillWanted(String jobId, GenerationContext context) {
        if (context.isCancelled()) {
            sendCancel(jobId, context);
            throw cancelled(jobId);
        }
        if (!Instant.now().isBefore(context.deadline())) {
            sendCancel(jobId, context);
            throw timedOut(jobId);
        }
    }

    private void sleep(Duration pause, String jobId, GenerationContext context) {
        Duration left = context.remaining();
        try {
            TimeUnit.NANOSECONDS.sleep(Math.min(pause.toNanos(), left.toNanos()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sendCancel(jobId, context);
            throw new GenerationCancelledException("provider runpod: interrupted while waiting for job " + jobId
                    + "; the job was cancelled", ID, jobId, e);
        }
    }

    private static GenerationCancelledException cancelled(String jobId) {
        return new GenerationCancelledException("provider runpod: the generation was cancelled; job " + jobId
                + " was cancelled on Runpod too", ID, jobId, null);
    }

    private static GenerationTimeoutException timedOut(String jobId) {
        return new GenerationTimeoutException("provider runpod: job " + jobId + " did not finish before the "
                + "generation's deadline; it was cancelled on Runpod. Raise the client's timeout if Runpod is just "
                + "slow", ID, jobId, null);
    }

    private static RetryListener listener(GenerationContext context) {
        return (attempt, delay, reason) -> context.retried(attempt, delay, reason);
    }

    private static RuntimeException unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof RuntimeException) {
            return (RuntimeException) t;
        }
        return new GenerationFailedException("provider runpod failed: " + t, ID, null, t);
    }

    @Override
    public String toString() {
        return "RunpodProvider[" + config + "]";
    }
}
