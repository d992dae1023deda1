package io.github.seedream4j.provider.fal.internal;

import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.ImageDownloadException;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.SeedreamModel;
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
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;

/**
 * Seedream on fal's queue API, without holding a thread while a request waits:
 * <ol>
 *   <li><b>submit</b> {@code POST {base}/{endpoint id}} with the model input; the answer names the request id (fal's
 *       job id), which is reported with {@code progress().submitted} at once, also when the generation ended
 *       meanwhile, and whose cancellation is registered with {@code onCancel} right after (it runs at once when the
 *       generation already ended, so a late request id is cancelled on arrival);</li>
 *   <li><b>status</b> {@code GET status_url} on the context's scheduler, a sixth of the request's age apart (250 ms
 *       to 3 s) through one poll gate for all the provider's generations ({@code max-polls-per-second}), each poll
 *       reported with the status and queue position;</li>
 *   <li><b>result</b> {@code GET response_url} once the status is {@code COMPLETED}; any other status, also one
 *       fal does not document, is polled on, as fal's clients do. fal has no failed status: a failed request is
 *       {@code COMPLETED} and its result answers with the error
 *       (422 for validation and content policy, 5xx when fal could not run it), which is translated;</li>
 *   <li><b>images</b> are fetched at once, in order, with the toolkit's downloader (fal's CDN URLs expire), or
 *       decoded when fal returns them inline as {@code data:} URIs;</li>
 *   <li><b>cancel</b> {@code PUT cancel_url} when the generation is cancelled or passes its deadline.</li>
 * </ol>
 * The status, result and cancel URLs come from the submission's answer only when they are on the configured base
 * URL (same scheme, host and port, under its path): the key is never sent to another host. Otherwise, and when
 * resuming, they are built as fal's clients build them: {@code {base}/{owner}/{alias}/requests/{id}[/status|/cancel]}.
 * The submission is never sent twice once it may have reached fal. Thread-safe.
 */
final class FalProvider implements ImageProvider {

    static final String ID = FalProviderFactory.ID;

    /** Code of the warning that an estimate uses another model's price. */
    static final String PRICE_WARNING = "price-for-another-model";

    private static final System.Logger LOG = System.getLogger("io.github.seedream4j.provider." + ID);

    private static final PollSchedule SCHEDULE = PollSchedule.defaults();
    private static final Duration SUBMIT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(30);

    /** fal's request ids are UUIDs; anything that could change a URL's path is refused. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");

    private final FalConfig config;
    private final FalErrors errors;
    private final HttpCaller http;
    private final ImageDownloader downloader;
    /** Every status call of every generation of this provider instance goes through it. */
    private final PollGate gate;

    FalProvider(FalConfig config) {
        this.config = config;
        this.gate = config.pollGate();
        this.errors = new FalErrors(config.apiKey());
        this.http = HttpCaller.builder(ID).errors(errors.translator()).build();
        this.downloader = ImageDownloader.builder(ID).build();
    }

    @Override
    public CompletableFuture<ProviderResult> generate(ProviderCall call, GenerationContext context) {
        FalModel model;
        HttpRequest submit;
        try {
            // more reference images or a larger set than fal takes never get here: the factory declares its limits
            model = FalModel.of(call.model().model());
            submit = request(URI.create(config.baseUrl() + "/" + model.endpoint(!call.inputs().isEmpty())),
                    SUBMIT_TIMEOUT).header("Content-Type", "application/json")
                    .POST(Json.body(FalInput.of(call, model))).build();
        } catch (SeedreamException e) {
            return CompletableFuture.failedFuture(e);
        }
        warnings(call, model, context);
        return http.submit(context, submit).thenCompose(reply -> follow(accepted(reply, model), call, context, true));
    }

    @Override
    public CompletableFuture<ProviderResult> resume(String jobId, ProviderCall call, GenerationContext context) {
        if (!REQUEST_ID.matcher(jobId).matches()) {
            return CompletableFuture.failedFuture(new InvalidRequestException("provider fal: '"
                    + errors.translator().redactor().serverText(jobId) + "' is not a fal request id (letters, "
                    + "digits, '-' and '_'); resume with the request id fal reported", ID, null, null));
        }
        return follow(built(FalModel.of(call.model().model()), jobId), call, context, false);
    }

    /** What the caller should know about a call that is sent anyway. */
    private void warnings(ProviderCall call, FalModel model, GenerationContext context) {
        if (!model.seed()) {
            call.request().seed().ifPresent(s -> context.progress().warn(Warning.of(Warning.UNSUPPORTED_OPTION,
                    "seed " + s.value() + " was not sent: fal's Seedream " + model.model() + " takes no seed, so the "
                            + "seed reported with the image does not reproduce it")));
        }
        if (!config.priceSet() && model.model() != SeedreamModel.V4_0) {
            context.progress().warn(Warning.of(PRICE_WARNING, "the charge is estimated with the default of the "
                    + "setting 'price', " + config.price() + ", fal's price for Seedream 4.0; fal's price for "
                    + "Seedream " + model.model() + " is " + model.price() + (model.priceConfirmed() ? ""
                            : " (from a third-party catalogue, unconfirmed)") + ": set 'price' to " + model.price()
                    + " for estimates of it"));
        }
    }

    // ------------------------------------------------------------------------------------------- submission

    /** The request fal accepted, or the error its answer stands for. */
    private Job accepted(HttpReply reply, FalModel model) {
        if (!reply.isSuccess()) {
            throw errors.translate(reply, null);
        }
        QueueStatus s = read(reply, QueueStatus.class);
        if (s == null || s.requestId() == null || !REQUEST_ID.matcher(s.requestId()).matches()) {
            throw errors.translator().exception(ErrorKind.OUTCOME_UNKNOWN, errors.report(reply, null), "the answer "
                    + "names no usable request id, and fal may have accepted, and charged, the request. "
                    + errors.translator().notSentAgain());
        }
        Job built = built(model, s.requestId());
        return new Job(s.requestId(), own(s.statusUrl(), built.status()), own(s.responseUrl(), built.response()),
                own(s.cancelUrl(), built.cancel()));
    }

    /** The URLs of request {@code id} as fal's clients build them. */
    private Job built(FalModel model, String id) {
        String base = config.baseUrl() + "/" + model.app() + "/requests/" + id;
        return new Job(id, URI.create(base + "/status"), URI.create(base), URI.create(base + "/cancel"));
    }

    /** {@code url} when it is under the configured base URL, else {@code fallback}: the key goes nowhere else. */
    private URI own(String url, URI fallback) {
        if (url == null || url.isBlank()) {
            return fallback;
        }
        try {
            URI u = new URI(url.strip());
            if (under(config.baseUrl(), u)) {
                return u;
            }
        } catch (URISyntaxException e) {
            // not a URL: the built one is used
        }
        LOG.log(System.Logger.Level.DEBUG, "fal answered with "
                + Redactor.url(url) + ", which is not under the setting 'base-url' " + config.baseUrl() + "; using "
                + fallback + " instead, so the key is sent to no other host");
        return fallback;
    }

    /** Whether {@code u} has the scheme, host and port of {@code base} and lies under its path. */
    static boolean under(URI base, URI u) {
        if (!u.isAbsolute() || u.getHost() == null || u.getRawUserInfo() != null
                || !base.getScheme().equalsIgnoreCase(u.getScheme()) || !base.getHost().equalsIgnoreCase(u.getHost())
                || port(base) != port(u)) {
            return false;
        }
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        return path.startsWith(basePath + "/") && !path.contains("/../") && !path.contains("/./");
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    // -------------------------------------------------------------------------------------------- following

    /** Reports the request (unless resumed), registers its cancellation and waits for its result. */
    private CompletableFuture<ProviderResult> follow(Job job, ProviderCall call, GenerationContext context,
            boolean report) {
        if (report) {
            context.progress().submitted(job.id());
        }
        Run run = new Run(job, call, context);
        context.onCancel(run::cancel);
        run.pollAfter(SCHEDULE.floor()); // a request is rarely done sooner
        return run.result;
    }

    /** One request being followed. */
    private final class Run {
        final Job job;
        final ProviderCall call;
        final GenerationContext context;
        final CompletableFuture<ProviderResult> result = new CompletableFuture<>();
        /** Set once the result was answered: the request has ended, there is nothing left to cancel. */
        final AtomicBoolean ended = new AtomicBoolean();
        final long since = System.nanoTime();

        Run(Job job, ProviderCall call, GenerationContext context) {
            this.job = job;
            this.call = call;
            this.context = context;
        }

        void pollAfter(Duration delay) {
            if (result.isDone()) {
                return;
            }
            gate.schedule(context, delay, this::poll, () -> result.completeExceptionally(context.isCancelled()
                    ? new GenerationCancelledException("provider fal: the generation ended; request " + job.id()
                            + " was cancelled at fal", ID, job.id(), null)
                    : new GenerationCancelledException("provider fal: the client is closing; stopped waiting for "
                            + "request " + job.id(), ID, job.id(), null)));
        }

        private void poll() {
            if (result.isDone()) {
                return;
            }
            http.send(context, request(job.status(), POLL_TIMEOUT).GET().build(), Idempotency.IDEMPOTENT)
                    .thenAccept(reply -> {
                        QueueStatus s = status(reply);
                        context.progress().polled(job.id(), s.describe());
                        if (s.pending()) {
                            pollAfter(SCHEDULE.pauseSince(since));
                        } else {
                            fetch(s);
                        }
                    }).exceptionally(this::fail);
        }

        private QueueStatus status(HttpReply reply) {
            if (!reply.isSuccess()) {
                if (reply.status() == 404) {
                    ended.set(true); // fal knows no such request: there is nothing to cancel
                }
                throw errors.translate(reply, job.id());
            }
            QueueStatus s = read(reply, QueueStatus.class);
            if (s == null || s.status() == null || s.status().isBlank()) {
                throw errors.translator().exception(ErrorKind.FAILED, errors.report(reply, job.id()), "the answer "
                        + "names no status; resume request " + job.id() + " later");
            }
            return s;
        }

        /** Fetches the result of a request that completed, then its images. */
        private void fetch(QueueStatus completed) {
            http.send(context, request(job.response(), RESULT_TIMEOUT).GET().build(), Idempotency.IDEMPOTENT)
                    .thenCompose(reply -> {
                        ended.set(true);
                        return store(output(reply));
                    }).thenAccept(stored -> result.complete(ProviderResult.builder().jobId(job.id())
                            .execution(completed.inferenceTime().orElse(null)).build()))
                    .exceptionally(this::fail);
        }

        private FalOutput output(HttpReply reply) {
            if (!reply.isSuccess()) {
                // fal has no failed status: a request that failed answers its result with the error
                throw errors.translate(reply, job.id());
            }
            FalOutput out = read(reply, FalOutput.class);
            if (out == null || out.imagesOrEmpty().isEmpty()) {
                throw errors.translator().exception(ErrorKind.FAILED, errors.report(reply, job.id()), "the result "
                        + "of request " + job.id() + " names no image, so nothing can be fetched; send the request "
                        + "again");
            }
            return out;
        }

        /** Stores the images in order: as many as the call asked for, or the set's maximum. */
        private CompletableFuture<Void> store(FalOutput out) {
            List<FalOutput.Image> images = out.imagesOrEmpty();
            int keep = Math.min(images.size(), call.images());
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (int i = 0; i < keep; i++) {
                FalOutput.Image image = images.get(i);
                int position = i + 1;
                chain = chain.thenCompose(v -> one(image, position));
            }
            return chain;
        }

        private CompletableFuture<Void> one(FalOutput.Image image, int position) {
            String url = image.url() == null ? "" : image.url().strip();
            if (url.regionMatches(true, 0, "data:", 0, 5)) {
                DataUri data = DataUri.parse(url).orElseThrow(() -> new ImageDownloadException("provider fal: image "
                        + position + " of request " + job.id() + " is a data: URI that is not base64; send the "
                        + "request again", ID, job.id(), null));
                context.images().store(data.bytes(), data.mediaType(), null);
                return CompletableFuture.completedFuture(null);
            }
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                uri = null;
            }
            if (uri == null || url.isEmpty()) {
                throw new ImageDownloadException("provider fal: image " + position + " of request " + job.id()
                        + " has no URL that can be fetched; send the request again", ID, job.id(), null);
            }
            return downloader.download(context, uri, job.id());
        }

        private Void fail(Throwable error) {
            Throwable e = error;
            while (e instanceof CompletionException && e.getCause() != null) {
                e = e.getCause();
            }
            result.completeExceptionally(e);
            return null;
        }

        /** Asks fal to cancel the request, unless it already ended. */
        void cancel() {
            if (ended.get()) {
                return;
            }
            HttpRequest r = request(job.cancel(), CANCEL_TIMEOUT).PUT(HttpRequest.BodyPublishers.noBody()).build();
            System.Logger log = context.logger();
            http.sendDetached(r, Idempotency.IDEMPOTENT).whenComplete((reply, error) -> {
                if (reply != null && (reply.isSuccess() || settled(reply))) {
                    log.log(System.Logger.Level.DEBUG, "fal request " + job.id() + " cancelled: HTTP "
                            + reply.status() + " " + errors.translator().redactor().serverText(reply.bodyText()));
                } else {
                    String why = reply != null ? errors.translator().describe(errors.report(reply, job.id()))
                            : error.getMessage();
                    log.log(System.Logger.Level.WARNING, "cancelling fal request " + job.id() + " failed (" + why
                            + "); it may still run and be billed: check the requests page of the fal dashboard");
                }
            });
        }
    }

    /**
     * Whether a cancellation that was not a success still leaves nothing running: fal's cancel answers
     * {@code ALREADY_COMPLETED} or {@code NOT_FOUND} for a request that ended or that it does not know.
     */
    static boolean settled(HttpReply reply) {
        String body = reply.bodyText();
        return reply.status() < 500 && (body.contains("ALREADY_COMPLETED") || body.contains("NOT_FOUND"));
    }

    // --------------------------------------------------------------------------------------------- shared

    private HttpRequest.Builder request(URI uri, Duration timeout) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", "Key " + config.apiKey().reveal())
                .header("Accept", "application/json");
    }

    /** The body as {@code type}, or {@code null} when it is not such a JSON object. */
    private static <T> T read(HttpReply reply, Class<T> type) {
        String text = reply.bodyText().strip();
        if (!text.startsWith("{")) {
            return null;
        }
        try {
            return Json.mapper().readValue(text, type);
        } catch (JacksonException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "FalProvider[" + config + "]";
    }

    /**
     * A request fal accepted and where to reach it.
     *
     * @param id fal's request id
     * @param status where its status is polled
     * @param response where its result is fetched
     * @param cancel where it is cancelled
     */
    record Job(String id, URI status, URI response, URI cancel) {
    }

    /**
     * An image inline: {@code data:<media type>;base64,<bytes>}.
     *
     * @param mediaType the media type, or {@code null}
     * @param bytes the image
     */
    record DataUri(String mediaType, byte[] bytes) {

        /** {@return the image of a base64 {@code data:} URI, or empty when it is not one} */
        static Optional<DataUri> parse(String uri) {
            int comma = uri.indexOf(',');
            if (comma < 5) {
                return Optional.empty();
            }
            String head = uri.substring(5, comma);
            if (!head.toLowerCase(Locale.ROOT).endsWith(";base64")) {
                return Optional.empty();
            }
            String type = head.substring(0, head.length() - ";base64".length()).strip();
            int semicolon = type.indexOf(';');
            if (semicolon >= 0) {
                type = type.substring(0, semicolon);
            }
            try {
                byte[] bytes = Base64.getMimeDecoder().decode(uri.substring(comma + 1));
                return bytes.length == 0 ? Optional.empty() : Optional.of(new DataUri(type.isEmpty() ? null : type,
                        bytes));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
