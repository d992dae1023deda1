package io.github.seedream4j;

import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageSink;
import io.github.seedream4j.spi.Progress;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.spi.ProviderResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One generation in flight. It has exactly one outcome, decided here in {@link #settle}: the first of the result
 * (all calls done), the deadline, a cancellation by the caller (through the handle, or by completing the future
 * it holds in any way), or the client closing. After that nothing changes it: images stored late are discarded,
 * what providers report late is ignored, and a job id that arrives late is cancelled through the provider's
 * {@code onCancel} action. Files are published only with a successful outcome.
 *
 * <p>{@code Validated} is delivered on the caller's thread, before anything starts, so listeners see the caller's
 * context. Every later event goes through one ordered channel per generation, on the engine's event threads; the
 * caller's future is completed on the same channel after the final events, so listeners have seen the outcome when
 * the caller does.
 */
final class Generation {

    private final Engine engine;
    private final Planner.Plan plan;
    private final ImageDestination destination;
    private final String resumeJobId;
    final String id = newId();
    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    private final Instant deadline;
    private final CompletableFuture<GenerationResult> caller = new CompletableFuture<>();
    private final Channel channel;
    private final List<Call> calls = new ArrayList<>();
    private final ConcurrentLinkedQueue<Warning> warnings = new ConcurrentLinkedQueue<>();
    private final List<String> jobIds = new CopyOnWriteArrayList<>();
    private final AtomicLong downloadNanos = new AtomicLong();
    private final AtomicInteger unfinished = new AtomicInteger();
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile boolean callerCancelled;
    /** Whether a thread blocked in {@code generate} or {@code resume} is the future's only reader. */
    private final boolean callerWaits;
    private volatile ScheduledFuture<?> timer;

    /**
     * Eight hex digits that tell one generation from another in events and logs. Not a secret and not unique across
     * processes, so no {@code SecureRandom}: seeding one costs a command-line run several milliseconds.
     */
    static String newId() {
        return Long.toHexString((1L << 32) | (ThreadLocalRandom.current().nextInt() & 0xffffffffL)).substring(1);
    }

    /**
     * @param callerWaits whether the future goes to no one but a thread that blocks on it ({@code generate},
     *        {@code resume}): nothing the caller chained can run on the thread that completes it, so with no
     *        listener the outcome is handed over where it is decided, without a hop to an event thread
     */
    Generation(Engine engine, Planner.Plan plan, ImageDestination destination, String resumeJobId,
            boolean callerWaits) {
        this.engine = engine;
        this.callerWaits = callerWaits;
        this.plan = plan;
        this.destination = destination;
        this.resumeJobId = resumeJobId;
        this.deadlineNanos = startNanos + engine.timeout.toNanos();
        this.deadline = Instant.now().plus(engine.timeout);
        this.channel = new Channel(engine.eventExecutor());
        this.warnings.addAll(plan.warnings);
        if (resumeJobId != null) {
            jobIds.add(resumeJobId);
        }
    }

    /** Registers and starts every call; the outcome arrives through {@link #future()}. */
    GenerationHandle start() {
        // on the caller's thread, so a listener sees the caller's context (an open observation, say)
        engine.events.publish(new GenerationEvent.Validated(id, engine.providerId, Instant.now(), plan.request,
                plan.resolution, plan.calls.size(), plan.warnings));
        try {
            engine.register(this);
        } catch (GenerationCancelledException e) {
            settled.set(true);
            engine.events.publish(new GenerationEvent.Failed(id, engine.providerId, Instant.now(), e));
            throw e;
        }
        caller.whenComplete((r, e) -> {
            // the caller's future ended by other hands than ours: cancel(), complete(...), orTimeout(...)
            if (!settled.get()) {
                cancelByCaller(e instanceof CancellationException ? "cancelled by the caller"
                        : "the caller's future was completed from outside (" + (e == null ? "with a value"
                                : e.getClass().getSimpleName()) + ")");
            }
        });
        for (Planner.Plan.Call planned : plan.calls) {
            calls.add(new Call(planned));
        }
        unfinished.set(calls.size());
        try {
            timer = engine.timer.schedule(() -> engine.eventExecutor().execute(this::deadlinePassed),
                    Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            settle(null, engine.closedError(), "the client was closed");
            return new GenerationHandle(this);
        }
        for (Call c : calls) {
            c.start();
        }
        return new GenerationHandle(this);
    }

    CompletableFuture<GenerationResult> future() {
        return caller;
    }

    List<String> jobIds() {
        return List.copyOf(jobIds);
    }

    boolean isSettled() {
        return settled.get();
    }

    /**
     * Waits until the caller's future is complete, at most until {@code deadlineNanos}; returns at once when called
     * from this generation's own event delivery (a listener closing the client), which would otherwise wait for
     * itself.
     */
    void awaitDelivered(long untilNanos) {
        if (channel.drainer == Thread.currentThread()) {
            return;
        }
        long left = untilNanos - System.nanoTime();
        if (left <= 0) {
            return;
        }
        try {
            caller.handle((r, e) -> null).get(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            // past the grace: close goes on; the future completes when its delivery runs
        }
    }

    /** Cancels the generation from outside (the client closing): the caller gets a {@link GenerationCancelledException}. */
    boolean cancel(String reason) {
        return settle(null, cancelled(reason), reason);
    }

    /**
     * Cancels the generation at the caller's wish: the caller's future is cancelled (or was already ended by the
     * caller), and listeners receive {@code Cancelled} as the final event, not a failure.
     */
    boolean cancelByCaller(String reason) {
        callerCancelled = true;
        return settle(null, cancelled(reason), reason);
    }

    private GenerationCancelledException cancelled(String reason) {
        return new GenerationCancelledException("the generation on provider " + engine.providerId
                + " was cancelled: " + reason + jobSuffix(), engine.providerId, firstJobId(), null);
    }

    private void deadlinePassed() {
        if (settled.get()) {
            return;
        }
        settle(null, timeout(null), "deadline of " + engine.timeout + " passed");
    }

    private GenerationTimeoutException timeout(Throwable cause) {
        boolean mayHaveBeenAccepted = !jobIds.isEmpty() || calls.stream().anyMatch(Call::mayHaveBeenAccepted);
        return new GenerationTimeoutException("the generation on provider " + engine.providerId
                + " did not finish within its deadline of " + seconds(engine.timeout) + jobSuffix()
                + "; it was cancelled" + (jobIds.isEmpty() && mayHaveBeenAccepted
                        ? ". The request may have reached the provider: check before sending it again" : "")
                + ". Raise the client's timeout if the provider is just slow", engine.providerId, firstJobId(),
                mayHaveBeenAccepted, cause);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private String jobSuffix() {
        return jobIds.isEmpty() ? "" : " (job " + String.join(", ", jobIds) + ")";
    }

    private String firstJobId() {
        return jobIds.isEmpty() ? null : jobIds.get(0);
    }

    /** Called once per call when its provider future completes, in any way. */
    private void callDone() {
        if (unfinished.decrementAndGet() == 0) {
            try {
                finish();
            } catch (RuntimeException | Error e) {
                settle(null, translate(e, engine.providerId), "assembling the result failed");
            }
        }
    }

    private void finish() {
        if (settled.get()) {
            return;
        }
        if (System.nanoTime() - deadlineNanos >= 0) {
            // the client, not a race between its timer and the provider's own timeouts, decides past the deadline
            Throwable cause = calls.stream().map(Call::error).filter(e -> e != null).findFirst().orElse(null);
            settle(null, timeout(cause == null ? null : translate(cause, engine.providerId)), "deadline of "
                    + engine.timeout + " passed");
            return;
        }
        List<Charge> charges = new ArrayList<>();
        SeedreamException firstError = null;
        Duration queue = null;
        Duration execution = null;
        int produced = 0;
        for (Call c : calls) {
            Throwable error = c.error();
            int stored = c.sink.count();
            if (error != null || stored == 0) {
                SeedreamException e = error != null ? translate(error, engine.providerId)
                        : new GenerationFailedException("provider " + engine.providerId + " returned no image for call "
                                + c.planned.index() + jobSuffix(), engine.providerId, c.jobId, null);
                firstError = firstError == null ? e : firstError;
                c.sink.discard();
                continue;
            }
            ProviderResult r = c.future.getNow(ProviderResult.none());
            r = r == null ? ProviderResult.none() : r;
            produced += stored;
            warnings.addAll(r.warnings());
            r.jobId().filter(j -> !jobIds.contains(j)).ifPresent(jobIds::add);
            Cost estimate = engine.capabilities.pricing().estimate(plan.resolution, stored);
            charges.add(r.reportedCost().map(Charge::reported).orElseGet(() -> Charge.estimated(estimate)));
            queue = max(queue, r.queue().orElse(null));
            execution = max(execution, r.execution().orElse(null));
        }
        if (produced == 0) {
            settle(null, firstError, null);
            return;
        }
        if (firstError != null) {
            // a sequential set smaller than its maximum is a success; a failed call of independent images is not
            warnings.add(Warning.of(Warning.PARTIAL_RESULT, (plan.request.count() - produced) + " of "
                    + plan.request.count() + " images failed and are missing: " + firstError.getMessage()));
        }
        Charge charge;
        try {
            charge = Charge.sum(charges);
        } catch (RuntimeException e) {
            // nothing computed after the provider was paid may lose the images it was paid for
            charge = Charge.estimated(engine.capabilities.pricing().estimate(plan.resolution, produced));
            warnings.add(Warning.of(Warning.COST_NOT_COMBINED, "the reported costs could not be added up ("
                    + e.getMessage() + "); the charge shown is estimated from the price table"));
        }
        Timings timings = new Timings(Duration.ofNanos(System.nanoTime() - startNanos),
                Duration.ofNanos(downloadNanos.get()), queue, execution);
        settle(new Outcome(charge, timings), null, null);
    }

    private record Outcome(Charge charge, Timings timings) {
    }

    /**
     * Decides the outcome, once. A success publishes the images (files move to their final names); a failure
     * stops every call (running its cancel actions) and discards what was stored.
     *
     * @return whether this call decided it
     */
    private boolean settle(Outcome success, SeedreamException failure, String cancelReason) {
        if (!settled.compareAndSet(false, true)) {
            return false;
        }
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
        if (success != null) {
            try {
                List<GeneratedImage> images = new ArrayList<>();
                for (Call c : calls) {
                    images.addAll(c.sink.commit());
                }
                GenerationResult done = new GenerationResult(engine.providerId, plan.request, images,
                        success.charge(), success.timings(), new ArrayList<>(warnings), jobIds);
                stopped = true;
                channel.finish(List.of(new GenerationEvent.Completed(id, engine.providerId, Instant.now(), done)),
                        () -> caller.complete(done));
                engine.unregister(this);
                return true;
            } catch (RuntimeException e) {
                failure = translate(e, engine.providerId);
            }
        }
        SeedreamException error = failure;
        stopped = true;
        for (Call c : calls) {
            c.stop();
        }
        // the outcome first, so a listener that ends its span on the first terminal event records it
        GenerationEvent failed = new GenerationEvent.Failed(id, engine.providerId, Instant.now(), error);
        GenerationEvent cancelled = cancelReason == null ? null
                : new GenerationEvent.Cancelled(id, engine.providerId, Instant.now(), cancelReason);
        if (callerCancelled) {
            channel.finish(List.of(cancelled), () -> caller.cancel(false));
        } else {
            channel.finish(cancelled == null ? List.of(failed) : List.of(failed, cancelled),
                    () -> caller.completeExceptionally(error));
        }
        engine.unregister(this);
        return true;
    }

    private static Duration max(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    /** Turns whatever a provider threw into the exception family; a leaked non-family exception is a provider bug. */
    static SeedreamException translate(Throwable t, String providerId) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof SeedreamException e) {
            return e;
        }
        if (t instanceof CancellationException) {
            return new GenerationCancelledException("the generation was cancelled", providerId, null, t);
        }
        return new GenerationFailedException("provider " + providerId + " failed unexpectedly with "
                + (t == null ? "no error" : t.getClass().getName()) + "; this is a bug in the provider, please report it",
                providerId, null, t);
    }

    /**
     * Delivers one generation's events in order on the engine's event threads, and after its final event runs the
     * completion of the caller's future. Events after the final one are dropped.
     */
    private final class Channel {
        private final Executor executor;
        private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
        private boolean draining;
        private boolean finished;
        private volatile Thread drainer;

        Channel(Executor executor) {
            this.executor = executor;
        }

        void publish(GenerationEvent event) {
            if (!engine.events.hasListeners()) {
                // nobody to hand it to: it is only logged, which needs neither an event thread nor the order
                engine.events.publish(event);
                return;
            }
            enqueue(() -> engine.events.publish(event), false);
        }

        void finish(List<GenerationEvent> last, Runnable complete) {
            if (callerWaits && !engine.events.hasListeners()) {
                // no listener, so nothing was queued before, and the caller only waits: complete it here
                synchronized (this) {
                    if (finished) {
                        return;
                    }
                    finished = true;
                }
                last.forEach(engine.events::publish);
                complete.run();
                return;
            }
            enqueue(() -> {
                last.forEach(engine.events::publish);
                complete.run();
            }, true);
        }

        private void enqueue(Runnable task, boolean last) {
            synchronized (this) {
                if (finished) {
                    return;
                }
                finished = last;
                queue.add(task);
                if (draining) {
                    return;
                }
                draining = true;
            }
            executor.execute(this::drain);
        }

        private void drain() {
            drainer = Thread.currentThread();
            while (true) {
                Runnable next;
                synchronized (this) {
                    next = queue.poll();
                    if (next == null) {
                        draining = false;
                        drainer = null;
                        return;
                    }
                }
                try {
                    next.run();
                } catch (Throwable e) {
                    // Events contains listener failures; this only guards the caller's own continuations
                }
            }
        }
    }

    /** One provider call: its sink, its context, its progress. */
    private final class Call implements GenerationContext, Progress, CheckingImageSink.Owner {
        private final Planner.Plan.Call planned;
        private final CheckingImageSink sink;
        private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();
        private final System.Logger logger;
        private volatile CompletableFuture<ProviderResult> future;
        private volatile String jobId;
        private volatile boolean started;

        Call(Planner.Plan.Call planned) {
            this.planned = planned;
            this.sink = new CheckingImageSink(destination, plan.resolution, planned.sent().seed().orElse(null),
                    planned.sent().maxImages().isPresent(), planned.firstImage(), plan.outputs, planned.images(), engine.maxImageBytes, this);
            this.logger = System.getLogger("io.github.seedream4j.provider." + engine.providerId);
            this.jobId = resumeJobId;
        }

        void start() {
            ProviderCall call = new ProviderCall(planned.sent(), plan.resolution, planned.images(), planned.index(),
                    plan.model, plan.inputs);
            CompletableFuture<ProviderResult> f;
            try {
                if (stopped) {
                    f = CompletableFuture.failedFuture(engine.closedError());
                } else {
                    started = true;
                    f = resumeJobId != null ? engine.provider.resume(resumeJobId, call, this)
                            : engine.provider.generate(call, this);
                    if (f == null) {
                        f = CompletableFuture.failedFuture(new GenerationFailedException("provider "
                                + engine.providerId + " returned no future; this is a bug in the provider",
                                engine.providerId, null, null));
                    }
                }
            } catch (RuntimeException | Error e) {
                f = CompletableFuture.failedFuture(e);
            }
            future = f;
            f.whenComplete((r, e) -> callDone());
        }

        /** The error the call ended with, or {@code null} when it succeeded (or has not ended). */
        Throwable error() {
            CompletableFuture<ProviderResult> f = future;
            if (f == null || !f.isDone()) {
                return null;
            }
            try {
                f.join();
                return null;
            } catch (CompletionException e) {
                return e.getCause();
            } catch (CancellationException e) {
                return e;
            }
        }

        /** Whether the request of this call may have reached the provider. */
        boolean mayHaveBeenAccepted() {
            if (!started) {
                return false;
            }
            Throwable e = error();
            if (e == null) {
                return true;
            }
            SeedreamException s = translate(e, engine.providerId);
            return s instanceof OutcomeUnknownException || s instanceof GenerationTimeoutException
                    || s instanceof GenerationCancelledException || s.jobId().isPresent();
        }

        /** Runs the cancel actions (cancelling the provider's job, interrupting blocking steps) and drops images. */
        void stop() {
            for (Runnable r : onCancel) {
                if (onCancel.remove(r)) {
                    runQuietly(r);
                }
            }
            sink.discard();
        }

        private void runQuietly(Runnable r) {
            try {
                r.run();
            } catch (Throwable e) {
                logger.log(System.Logger.Level.WARNING, "generation " + id + " [" + engine.providerId + "] cancelling "
                        + "call " + planned.index() + " failed: " + e, e);
            }
        }

        // ---- GenerationContext

        @Override
        public Instant deadline() {
            return deadline;
        }

        @Override
        public boolean isCancelled() {
            return stopped;
        }

        @Override
        public void onCancel(Runnable action) {
            onCancel.add(action);
            if (stopped && onCancel.remove(action)) {
                runQuietly(action);
            }
        }

        @Override
        public Executor executor() {
            return engine.workers;
        }

        @Override
        public ScheduledExecutorService scheduler() {
            return engine.timer;
        }

        @Override
        public ImageSink images() {
            return sink;
        }

        @Override
        public Progress progress() {
            return this;
        }

        @Override
        public System.Logger logger() {
            return logger;
        }

        // ---- Progress

        @Override
        public void submitted(String jobId) {
            this.jobId = jobId;
            if (jobId != null && !jobIds.contains(jobId)) {
                jobIds.add(jobId);
            }
            if (stopped) {
                logger.log(System.Logger.Level.DEBUG, () -> "generation " + id + " [" + engine.providerId + "] job "
                        + jobId + " was reported after the generation ended; the provider cancels it");
                return;
            }
            channel.publish(new GenerationEvent.Submitted(id, engine.providerId, Instant.now(), planned.index(), jobId));
        }

        @Override
        public void polled(String jobId, String status) {
            if (!stopped) {
                channel.publish(new GenerationEvent.Polled(id, engine.providerId, Instant.now(), jobId, status));
            }
        }

        @Override
        public void retried(int attempt, Duration delay, String reason) {
            if (!stopped) {
                channel.publish(new GenerationEvent.Retried(id, engine.providerId, Instant.now(), attempt, delay,
                        reason));
            }
        }

        @Override
        public void warn(Warning warning) {
            warnings.add(warning);
        }

        // ---- CheckingImageSink.Owner

        @Override
        public String providerId() {
            return engine.providerId;
        }

        @Override
        public void fetched(GeneratedImage image, long nanos) {
            downloadNanos.addAndGet(nanos);
            channel.publish(new GenerationEvent.ImageFetched(id, engine.providerId, Instant.now(), image,
                    Duration.ofNanos(nanos)));
        }

        @Override
        public boolean abandoned() {
            return stopped || engine.isClosed();
        }

        @Override
        public String toString() {
            return "call " + planned.index() + " of generation " + id;
        }
    }

    Optional<String> firstJob() {
        return Optional.ofNullable(firstJobId());
    }
}
