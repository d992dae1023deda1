package io.github.seedream4j.provider.replicate.internal;

import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.GenerationTimeoutException;
import io.github.seedream4j.ImageDownloadException;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.Warning;
import io.github.seedream4j.http.ErrorKind;
import io.github.seedream4j.http.HttpCaller;
import io.github.seedream4j.http.HttpReply;
import io.github.seedream4j.http.Idempotency;
import io.github.seedream4j.http.ImageDownloader;
import io.github.seedream4j.http.Json;
import io.github.seedream4j.http.PollGate;
import io.github.seedream4j.http.PollSchedule;
import io.github.seedream4j.http.Redactor;
import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.spi.ProviderResult;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Seedream on Replicate's predictions API. {@code POST /models/{owner}/{name}/predictions} with
 * {@code Prefer: wait=N} holds the answer up to N seconds, so a quick prediction ends in one round trip; one still
 * {@code starting} or {@code processing} is then polled at its {@code urls.get} (followed only when it is on the
 * configured API, since it is sent the token) until it ends, and its images are fetched at once (Replicate removes
 * API outputs after an hour). The prediction id is reported as soon as the create answer arrives, also when the
 * generation was cancelled meanwhile: that answer is awaited, not aborted, and the prediction is then cancelled
 * ({@code urls.cancel}, else {@code POST /predictions/{id}/cancel}) on arrival. Polls come a sixth of the
 * prediction's age apart, counted from the create request (250 ms to 3 s, so every 3 s once it outlived a
 * 60-second wait), through one poll gate for all the provider's generations ({@code max-polls-per-second}), waited
 * for on the generation's scheduler; no thread sleeps. The deadline is the client's: the provider polls until the
 * generation is cancelled. Thread-safe.
 */
final class ReplicateProvider implements ImageProvider {

    static final String ID = ReplicateProviderFactory.ID;
    /** Warning code: the prediction returned more images than the call asked for, and only those asked were kept. */
    static final String EXTRA_IMAGES = "extra-images";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** How much longer than the wait the create exchange may take: Replicate answers when the wait is over. */
    private static final Duration CREATE_MARGIN = Duration.ofSeconds(15);
    private static final PollSchedule SCHEDULE = PollSchedule.defaults();
    /** Replicate's ids are lower-case base32; anything that could leave the path segment is refused. */
    private static final Pattern PREDICTION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");
    private static final System.Logger LOG = System.getLogger("io.github.seedream4j.provider." + ID);

    private final ReplicateConfig config;
    private final ReplicateErrors errors;
    private final HttpCaller http;
    private final ImageDownloader downloader;
    /** Every status call of every generation of this provider instance goes through it. */
    private final PollGate gate;

    ReplicateProvider(ReplicateConfig config) {
        this.config = config;
        this.gate = config.pollGate();
        this.errors = new ReplicateErrors(config.token());
        this.http = HttpCaller.builder(ID).errors(errors.translator()).timeout(REQUEST_TIMEOUT).build();
        this.downloader = ImageDownloader.builder(ID).build();
    }

    @Override
    public CompletableFuture<ProviderResult> generate(ProviderCall call, GenerationContext context) {
        ReplicateModel model = ReplicateModel.of(call.model().model());
        CreatePrediction body;
        try {
            body = CreatePrediction.of(call);
        } catch (SeedreamException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpRequest create = request(config.createUrl(model.id))
                .timeout(Duration.ofSeconds(config.waitSeconds()).plus(CREATE_MARGIN))
                .header("Prefer", "wait=" + config.waitSeconds()).header("Content-Type", "application/json")
                .POST(Json.body(body)).build();
        long since = System.nanoTime();
        return http.submit(context, create).thenCompose(reply -> {
            Prediction p = created(reply, model);
            context.progress().submitted(p.id());
            if (p.isTerminal()) {
                return finish(p, call, context);
            }
            Followed f = new Followed(p.id(), onApi(p.url("get")).orElse(config.predictionUrl(p.id())),
                    onApi(p.url("cancel")).orElse(config.cancelUrl(p.id())), since);
            cancelOnCancel(f, context);
            if (context.isCancelled()) {
                throw cancelled(p.id());
            }
            return follow(f, SCHEDULE.pauseSince(since), call, context);
        });
    }

    @Override
    public CompletableFuture<ProviderResult> resume(String jobId, ProviderCall call, GenerationContext context) {
        if (jobId == null || !PREDICTION_ID.matcher(jobId).matches()) {
            String shown = jobId == null ? "null" : Redactor.none().serverText(jobId);
            return CompletableFuture.failedFuture(new InvalidRequestException("provider replicate cannot resume '"
                    + shown + "': a Replicate prediction id has only letters, digits, '-' and '_'; give the id the "
                    + "generation reported", ID, null, null));
        }
        Followed f = new Followed(jobId, config.predictionUrl(jobId), config.cancelUrl(jobId), System.nanoTime());
        cancelOnCancel(f, context);
        return follow(f, Duration.ZERO, call, context);
    }

    // ------------------------------------------------------------------------------------------- lifecycle

    /**
     * A prediction being followed: where it is polled and cancelled (on the configured API only), since when, and
     * whether it is known to have ended, after which it is not cancelled.
     */
    private static final class Followed {
        final String id;
        final URI get;
        final URI cancel;
        final long since;
        final AtomicBoolean cancelSent = new AtomicBoolean();
        volatile boolean ended;

        Followed(String id, URI get, URI cancel, long since) {
            this.id = id;
            this.get = get;
            this.cancel = cancel;
            this.since = since;
        }
    }

    /**
     * Cancels the prediction when the generation ends without it (at once if it already did), unless it is known
     * to have ended; once.
     */
    private void cancelOnCancel(Followed f, GenerationContext context) {
        context.onCancel(() -> {
            if (!f.ended && f.cancelSent.compareAndSet(false, true)) {
                cancelPrediction(f.id, f.cancel);
            }
        });
    }

    private void cancelPrediction(String id, URI target) {
        HttpRequest cancel = request(target).POST(HttpRequest.BodyPublishers.noBody()).build();
        http.sendDetached(cancel, Idempotency.IDEMPOTENT).whenComplete((reply, error) -> {
            if (error == null) {
                LOG.log(System.Logger.Level.DEBUG, () -> "cancel of Replicate prediction " + id + ": HTTP "
                        + reply.status());
            } else {
                LOG.log(System.Logger.Level.WARNING, () -> "cancelling Replicate prediction " + id + " failed ("
                        + errors.translator().redactor().serverText(String.valueOf(unwrap(error).getMessage()))
                        + "); cancel it in the Replicate dashboard");
            }
        });
    }

    /** Polls the prediction until it ends, the first time after {@code first}, then fetches its images. */
    private CompletableFuture<ProviderResult> follow(Followed f, Duration first, ProviderCall call,
            GenerationContext context) {
        CompletableFuture<ProviderResult> result = new CompletableFuture<>();
        schedulePoll(f, first, call, context, result);
        return result;
    }

    private void schedulePoll(Followed f, Duration delay, ProviderCall call, GenerationContext context,
            CompletableFuture<ProviderResult> result) {
        gate.schedule(context, delay, () -> poll(f, call, context, result),
                () -> result.completeExceptionally(cancelled(f.id)));
    }

    private void poll(Followed f, ProviderCall call, GenerationContext context,
            CompletableFuture<ProviderResult> result) {
        http.send(context, request(f.get).GET().build(), Idempotency.IDEMPOTENT).whenComplete((reply, error) -> {
            if (error != null) {
                result.completeExceptionally(unwrap(error));
                return;
            }
            Prediction p;
            try {
                p = polled(f, reply);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            context.progress().polled(f.id, p.state());
            if (!p.isTerminal()) {
                schedulePoll(f, SCHEDULE.pauseSince(f.since), call, context, result);
                return;
            }
            f.ended = true;
            finish(p, call, context).whenComplete((done, failed) -> {
                if (failed != null) {
                    result.completeExceptionally(unwrap(failed));
                } else {
                    result.complete(done);
                }
            });
        });
    }

    /** The outcome of an ended prediction: its images fetched into the sink, or the failure it reports. */
    private CompletableFuture<ProviderResult> finish(Prediction p, ProviderCall call, GenerationContext context) {
        String id = p.id();
        switch (p.state()) {
            case "succeeded":
                return fetch(p, call, context);
            case "failed":
                String reason = errors.translator().redactor().serverText(p.errorText().orElse(""));
                return CompletableFuture.failedFuture(new GenerationFailedException("provider replicate: prediction "
                        + id + " failed: " + (reason.isEmpty() ? "Replicate gave no reason" : reason)
                        + "; change the request if the reason says so, or send it again", ID, id, null));
            case "aborted":
                return CompletableFuture.failedFuture(new GenerationTimeoutException("provider replicate: prediction "
                        + id + " was aborted: its deadline passed before it started. Replicate does not charge "
                        + "aborted predictions; send the request again", ID, id, null));
            default:
                return CompletableFuture.failedFuture(new GenerationCancelledException("provider replicate: "
                        + "prediction " + id + " was canceled at Replicate", ID, id, null));
        }
    }

    /** Fetches a succeeded prediction's images, in order, at most as many as the call asked for. */
    private CompletableFuture<ProviderResult> fetch(Prediction p, ProviderCall call, GenerationContext context) {
        String id = p.id();
        List<String> urls = p.outputUrls();
        if (urls.isEmpty()) {
            return CompletableFuture.failedFuture(new GenerationFailedException("provider replicate: prediction " + id
                    + (Boolean.TRUE.equals(p.dataRemoved())
                            ? " succeeded, but Replicate has removed its output (it keeps the output of API "
                                    + "predictions an hour); send the request again"
                            : " succeeded, but its output names no image; send the request again"), ID, id, null));
        }
        ProviderResult.Builder result = ProviderResult.builder().jobId(id).queue(p.queue().orElse(null))
                .execution(p.execution().orElse(null));
        int wanted = call.images();
        if (urls.size() > wanted) {
            result.warning(Warning.of(EXTRA_IMAGES, "Replicate prediction " + id + " returned " + urls.size()
                    + " images for a call that asked for " + wanted + "; only the first " + wanted + " were kept, and "
                    + "the estimated charge counts only those"));
            urls = urls.subList(0, wanted);
        }
        List<URI> uris = new ArrayList<>();
        for (String url : urls) {
            try {
                uris.add(new URI(url));
            } catch (URISyntaxException e) {
                return CompletableFuture.failedFuture(new GenerationFailedException("provider replicate: prediction "
                        + id + " returned an image URL that is not a valid URL; send the request again", ID, id,
                        null));
            }
        }
        CompletableFuture<ProviderResult> done = new CompletableFuture<>();
        fetchFrom(0, uris, id, call.sequential(), context, result, done);
        return done;
    }

    private void fetchFrom(int i, List<URI> uris, String id, boolean set, GenerationContext context,
            ProviderResult.Builder result, CompletableFuture<ProviderResult> done) {
        if (i == uris.size()) {
            done.complete(result.build());
            return;
        }
        downloader.download(context, uris.get(i), id).whenComplete((ok, error) -> {
            if (error == null) {
                fetchFrom(i + 1, uris, id, set, context, result, done);
                return;
            }
            RuntimeException e = unwrap(error);
            if (set && i > 0 && e instanceof ImageDownloadException && !context.isCancelled()) {
                // the images already stored are paid for: a set smaller than asked is still a set
                result.warning(Warning.of(Warning.PARTIAL_RESULT, "image " + (i + 1) + " of " + uris.size()
                        + " of Replicate prediction " + id + " could not be fetched, nor those after it: "
                        + e.getMessage() + "; the set holds the first " + i));
                done.complete(result.build());
            } else {
                done.completeExceptionally(e);
            }
        });
    }

    // -------------------------------------------------------------------------------------------- answers

    /** The prediction in the answer to the create request, or the error it stands for. */
    private Prediction created(HttpReply reply, ReplicateModel model) {
        Prediction p = reply.isSuccess() ? parse(reply) : null;
        if (p != null && p.id() != null && PREDICTION_ID.matcher(p.id()).matches()) {
            return p;
        }
        if (!reply.isSuccess()) {
            if (reply.status() == 404) {
                throw errors.exception(ErrorKind.CONFIGURATION, reply, null, "Replicate has no model " + model.id
                        + " at " + config.baseUrl() + ": check the setting 'base-url'");
            }
            throw errors.translate(reply, null);
        }
        String notSentAgain = errors.translator().notSentAgain();
        if (p != null) {
            throw errors.exception(ErrorKind.OUTCOME_UNKNOWN, reply, null, "the prediction it created "
                    + (p.id() == null || p.id().isBlank() ? "has no id" : "has an id that is not one Replicate gives")
                    + ", so it cannot be followed or cancelled. " + notSentAgain);
        }
        throw errors.exception(ErrorKind.OUTCOME_UNKNOWN, reply, null, "the answer names no prediction, and "
                + "Replicate may have started a paid one anyway. " + notSentAgain);
    }

    /** The prediction in the answer to a poll, or the error it stands for. */
    private Prediction polled(Followed f, HttpReply reply) {
        String id = f.id;
        Prediction p = reply.isSuccess() ? parse(reply) : null;
        if (p != null) {
            return p.withIdIfMissing(id);
        }
        if (reply.status() == 404) {
            f.ended = true;
            throw errors.exception(ErrorKind.FAILED, reply, id, "prediction " + id + " is unknown to Replicate at "
                    + config.baseUrl() + "; send the request again");
        }
        if (reply.isSuccess()) {
            throw errors.exception(ErrorKind.FAILED, reply, id, "the answer names no prediction status; resume "
                    + "prediction " + id + " later");
        }
        throw errors.translate(reply, id);
    }

    /** A prediction read from a body with a string {@code status}; {@code null} otherwise. */
    private static Prediction parse(HttpReply reply) {
        try {
            JsonNode tree = Json.mapper().readTree(reply.body());
            if (tree == null || !tree.isObject() || !tree.hasNonNull("status") || !tree.get("status").isString()) {
                return null;
            }
            return Json.mapper().treeToValue(tree, Prediction.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** {@code url} when it is a URL on the configured API, which may be sent the token. */
    private Optional<URI> onApi(Optional<String> url) {
        if (url.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI u = new URI(url.get());
            if (config.isOnApi(u)) {
                return Optional.of(u);
            }
        } catch (URISyntaxException e) {
            // not a URL: the documented one is used instead
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "not following " + Redactor.url(url.get()) + ": it is not on "
                + config.baseUrl() + "; using the documented URL instead");
        return Optional.empty();
    }

    private HttpRequest.Builder request(URI target) {
        return HttpRequest.newBuilder(target).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + config.token().reveal()).header("Accept", "application/json");
    }

    private static GenerationCancelledException cancelled(String id) {
        return new GenerationCancelledException("provider replicate: the generation ended; prediction " + id
                + " is cancelled at Replicate", ID, id, null);
    }

    private static RuntimeException unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof RuntimeException r ? r : new GenerationFailedException("provider replicate failed: "
                + t.getClass().getName(), ID, null, null);
    }

    @Override
    public String toString() {
        return "ReplicateProvider[" + config + "]";
    }
}
