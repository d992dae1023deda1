package io.github.seedream4j;

import io.github.seedream4j.internal.CheckingImageSink;
import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageSink;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.spi.ProviderResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** One generation in flight: runs the planned calls, enforces the deadline, handles cancellation, builds the result. */
final class Generation {

    private final SeedreamClient client;
    private final SeedreamClient.Plan plan;
    private final ImageDestination destination;
    private final String resumeJobId;
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String providerId;
    private final long startNanos = System.nanoTime();
    private final Instant deadline;
    private final CompletableFuture<GenerationResult> result = new CompletableFuture<>();
    private final List<Call> calls = new ArrayList<>();
    private final ConcurrentLinkedQueue<Warning> warnings = new ConcurrentLinkedQueue<>();
    private final AtomicLong downloadNanos = new AtomicLong();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile String cancelReason;
    private volatile ScheduledFuture<?> timer;

    Generation(SeedreamClient client, SeedreamClient.Plan plan, ImageDestination destination, String resumeJobId) {
        this.client = client;
        this.plan = plan;
        this.destination = destination;
        this.resumeJobId = resumeJobId;
        this.providerId = client.providerId();
        this.deadline = Instant.now().plus(client.timeout());
        this.warnings.addAll(plan.warnings);
    }

    CompletableFuture<GenerationResult> start() {
        publish(new GenerationEvent.Validated(id, providerId, Instant.now(), plan.request, plan.resolution,
                plan.calls.size(), plan.warnings));
        client.running().add(this);
        result.whenComplete((r, e) -> {
            client.running().remove(this);
            ScheduledFuture<?> t = timer;
            if (t != null) {
                t.cancel(false);
            }
            if (e instanceof CancellationException) {
                settled.set(true);
                cancelAll("cancelled by the caller");
            }
        });
        timer = client.scheduler().schedule(this::deadlinePassed, client.timeout().toNanos(), TimeUnit.NANOSECONDS);
        List<CompletableFuture<ProviderResult>> futures = new ArrayList<>();
        for (SeedreamClient.Plan.Call planned : plan.calls) {
            Call call = new Call(planned);
            calls.add(call);
            futures.add(call.run());
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).whenComplete((ignored, error) -> {
            try {
                finish();
            } catch (RuntimeException | Error e) {
                // never leave the caller waiting for the deadline because assembling the result failed
                settled.set(true);
                result.completeExceptionally(translate(e, providerId));
            }
        });
        return result;
    }

    /** The client closed under this generation: fail it, since its queued or scheduled work will never run. */
    void clientClosed() {
        if (settled.compareAndSet(false, true)) {
            GenerationCancelledException e = new GenerationCancelledException("the client was closed while the "
                    + "generation on provider " + providerId + " was running; it was cancelled", providerId,
                    jobIds().isEmpty() ? null : jobIds().get(0), null);
            cancelAll("the client was closed");
            publish(new GenerationEvent.Failed(id, providerId, Instant.now(), e));
            result.completeExceptionally(e);
        }
    }

    private void deadlinePassed() {
        if (result.isDone()) {
            return;
        }
        String jobs = jobIds().isEmpty() ? "" : " (job " + String.join(", ", jobIds()) + ")";
        GenerationTimeoutException e = new GenerationTimeoutException("the generation on provider " + providerId
                + " did not finish within its deadline of " + client.timeout().toSeconds() + "s" + jobs
                + "; it was cancelled. Raise the client's timeout if the provider is just slow", providerId,
                jobIds().isEmpty() ? null : jobIds().get(0), null);
        if (settled.compareAndSet(false, true)) {
            cancelAll("deadline of " + client.timeout() + " passed");
            publish(new GenerationEvent.Failed(id, providerId, Instant.now(), e));
            result.completeExceptionally(e);
        }
    }

    private void cancelAll(String reason) {
        if (!cancelled.compareAndSet(false, true)) {
            return;
        }
        cancelReason = reason;
        for (Call c : calls) {
            c.cancel();
        }
        publish(new GenerationEvent.Cancelled(id, providerId, Instant.now(), reason));
    }

    private void finish() {
        if (result.isDone()) {
            return;
        }
        List<GeneratedImage> images = new ArrayList<>();
        List<Charge> charges = new ArrayList<>();
        List<String> jobs = new ArrayList<>();
        SeedreamException firstError = null;
        Duration queue = null;
        Duration execution = null;
        for (Call c : calls) {
            ProviderResult r = c.future.isCompletedExceptionally() ? null : c.future.getNow(null);
            if (r == null) {
                SeedreamException e = translate(c.error(), providerId);
                if (firstError == null) {
                    firstError = e;
                }
                if (c.jobId != null) {
                    jobs.add(c.jobId);
                }
                continue;
            }
            images.addAll(r.images());
            r.warnings().forEach(warnings::add);
            r.jobId().or(() -> Optional.ofNullable(c.jobId)).ifPresent(jobs::add);
            charges.add(r.reportedCost().map(Charge::reported).orElseGet(() -> Charge.estimated(
                    client.capabilities().pricing().estimate(plan.resolution, r.images().size()))));
            queue = max(queue, r.queue().orElse(null));
            execution = max(execution, r.execution().orElse(null));
        }
        if (images.isEmpty()) {
            SeedreamException e = firstError != null ? firstError
                    : new GenerationFailedException("provider " + providerId + " returned no image", providerId, null, null);
            if (settled.compareAndSet(false, true)) {
                publish(new GenerationEvent.Failed(id, providerId, Instant.now(), e));
                result.completeExceptionally(e);
            }
            return;
        }
        if (firstError != null) {
            warnings.add(Warning.of("partial-result", (plan.request.count() - images.size()) + " of "
                    + plan.request.count() + " images failed and are missing: " + firstError.getMessage()));
        }
        Timings timings = new Timings(Duration.ofNanos(System.nanoTime() - startNanos),
                Duration.ofNanos(downloadNanos.get()), queue, execution);
        GenerationResult done = new GenerationResult(providerId, plan.request, images, Charge.sum(charges), timings,
                new ArrayList<>(warnings), jobs);
        // listeners hear of the outcome before the caller does, so what they record is complete when it returns
        if (settled.compareAndSet(false, true)) {
            publish(new GenerationEvent.Completed(id, providerId, Instant.now(), done));
            result.complete(done);
        }
    }

    private List<String> jobIds() {
        List<String> ids = new ArrayList<>();
        for (Call c : calls) {
            if (c.jobId != null) {
                ids.add(c.jobId);
            }
        }
        return ids;
    }

    private void publish(GenerationEvent event) {
        client.events().publish(event);
    }

    private static Duration max(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    /** Turns whatever a provider threw into the exception family; a leaked non-family exception is a provider bug. */
    static SeedreamException translate(Throwable t, String providerId) {
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof SeedreamException) {
            return (SeedreamException) t;
        }
        if (t instanceof CancellationException) {
            return new GenerationCancelledException("the generation was cancelled", providerId, null, t);
        }
        return new GenerationFailedException("provider " + providerId + " failed unexpectedly with "
                + (t == null ? "no error" : t.getClass().getName()) + "; this is a bug in the provider, please report it",
                providerId, null, t);
    }

    /** One provider call and its context. */
    private final class Call implements GenerationContext, CheckingImageSink.Owner {
        private final SeedreamClient.Plan.Call planned;
        private final CheckingImageSink sink;
        private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();
        private final System.Logger logger;
        private volatile CompletableFuture<ProviderResult> future = new CompletableFuture<>();
        private volatile String jobId;

        Call(SeedreamClient.Plan.Call planned) {
            this.planned = planned;
            this.sink = new CheckingImageSink(destination, plan.resolution, planned.sent().seed().orElse(null),
                    planned.firstImage(), plan.request.count(), client.maxImageBytes(), this);
            this.logger = System.getLogger("io.github.seedream4j.provider." + providerId);
        }

        CompletableFuture<ProviderResult> run() {
            ProviderCall call = new ProviderCall(planned.sent(), plan.resolution, planned.images(), planned.index());
            CompletableFuture<ProviderResult> f;
            try {
                f = resumeJobId != null ? client.provider().resumeAsync(resumeJobId, call, this)
                        : client.provider().generateAsync(call, this);
                if (resumeJobId != null) {
                    jobId = resumeJobId;
                }
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            future = f;
            // allOf must see completion even if a provider future never completes after cancellation
            return f.handle((r, e) -> r);
        }

        Throwable error() {
            try {
                future.join();
                return null;
            } catch (CompletionException | CancellationException e) {
                return e instanceof CompletionException ? e.getCause() : e;
            }
        }

        void cancel() {
            for (Runnable r : onCancel) {
                runQuietly(r);
            }
            future.cancel(true);
        }

        private void runQuietly(Runnable r) {
            try {
                r.run();
            } catch (RuntimeException e) {
                logger.log(System.Logger.Level.WARNING, "cancelling call " + planned.index() + " failed: " + e, e);
            }
        }

        @Override
        public String generationId() {
            return id;
        }

        @Override
        public String providerId() {
            return providerId;
        }

        @Override
        public int callIndex() {
            return planned.index();
        }

        @Override
        public ImageSink images() {
            return sink;
        }

        @Override
        public Instant deadline() {
            return deadline;
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        @Override
        public void onCancel(Runnable action) {
            onCancel.add(action);
            if (cancelled.get() && onCancel.remove(action)) {
                runQuietly(action);
            }
        }

        @Override
        public Executor executor() {
            return client.executor();
        }

        @Override
        public ScheduledExecutorService scheduler() {
            return client.scheduler();
        }

        @Override
        public void submitted(String jobId) {
            this.jobId = jobId;
            publish(new GenerationEvent.Submitted(id, providerId, Instant.now(), planned.index(), jobId));
        }

        @Override
        public void retried(int attempt, Duration delay, String reason) {
            publish(new GenerationEvent.Retried(id, providerId, Instant.now(), attempt, delay, reason));
        }

        @Override
        public void polled(String jobId, String status) {
            publish(new GenerationEvent.Polled(id, providerId, Instant.now(), jobId, status));
        }

        @Override
        public void warn(Warning warning) {
            warnings.add(warning);
        }

        @Override
        public void fetched(GeneratedImage image, long nanos) {
            downloadNanos.addAndGet(nanos);
            publish(new GenerationEvent.ImageFetched(id, providerId, Instant.now(), image, Duration.ofNanos(nanos)));
        }

        @Override
        public System.Logger logger() {
            return logger;
        }

        @Override
        public String toString() {
            return "call " + planned.index() + " of generation " + id + (cancelReason == null ? "" : " (" + cancelReason + ")");
        }
    }
}
