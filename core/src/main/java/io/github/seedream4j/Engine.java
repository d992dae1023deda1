package io.github.seedream4j;

import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.ImageProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * What running generations share, and nothing more: the provider, its pricing, the limits, the listeners and three
 * kinds of threads, each for one purpose.
 * <ul>
 *   <li><b>workers</b> (at most {@link SeedreamClient#MAX_WORKER_THREADS}) run providers' blocking steps;</li>
 *   <li>the <b>timer</b> (one thread) runs providers' timed waits and fires deadlines; it only hands work off;</li>
 *   <li><b>event threads</b> deliver listener events and complete the futures callers hold. Listener code and the
 *       caller's continuations run there and never on a worker or the timer, so a listener that blocks, throws or
 *       calls the client again cannot starve or wedge the engine. They are created on demand and end when idle.</li>
 * </ul>
 * Registration and {@link #close()} are ordered by one lock, so every generation that was started is also one
 * that close cancels.
 */
final class Engine {

    static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    final String providerId;
    final ImageProvider provider;
    final Capabilities capabilities;
    final Duration timeout;
    final long maxImageBytes;
    final Events events;
    final ThreadPoolExecutor workers;
    final ScheduledThreadPoolExecutor timer;
    private final ThreadPoolExecutor eventThreads;
    private final Object lifecycle = new Object();
    private final Set<Generation> active = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    Engine(String providerId, ImageProvider provider, Capabilities capabilities, Duration timeout, long maxImageBytes,
            List<GenerationListener> listeners) {
        this.providerId = providerId;
        this.provider = provider;
        this.capabilities = capabilities;
        this.timeout = timeout;
        this.maxImageBytes = maxImageBytes;
        this.events = new Events(listeners);
        this.workers = workers(providerId);
        this.timer = new ScheduledThreadPoolExecutor(1, new DaemonThreads("seedream-" + providerId + "-timer"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.eventThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new DaemonThreads("seedream-" + providerId + "-events"));
    }

    /**
     * Worker threads made only when no worker is idle, up to {@link SeedreamClient#MAX_WORKER_THREADS}; then tasks
     * queue. A pool whose core is its maximum starts a thread for every task until it has them all, so a thousand
     * generations in flight kept 32 workers alive for steps (a parsed poll answer, say) that one or two do in time.
     */
    private static ThreadPoolExecutor workers(String providerId) {
        HandOff queue = new HandOff();
        // one worker stays, so that a task queued while every other worker is ending still has one to run it
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, SeedreamClient.MAX_WORKER_THREADS, 10, TimeUnit.SECONDS,
                queue, new DaemonThreads("seedream-" + providerId + "-worker"), (task, full) -> {
                    if (full.isShutdown()) {
                        throw new RejectedExecutionException("the client is closed");
                    }
                    queue.enqueue(task); // every worker busy and no more allowed: the task waits its turn
                });
        return pool;
    }

    /**
     * The workers' queue: it accepts a task only when a worker is idle and waiting for one, so that otherwise the pool
     * starts a thread (below its maximum) or, at its maximum, the rejection handler queues the task.
     */
    private static final class HandOff extends LinkedTransferQueue<Runnable> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean offer(Runnable task) {
            return tryTransfer(task);
        }

        void enqueue(Runnable task) {
            super.offer(task);
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Runs listener and caller code off the engine's threads; after close, on the calling thread instead. */
    Executor eventExecutor() {
        return task -> {
            try {
                eventThreads.execute(task);
            } catch (RejectedExecutionException e) {
                task.run();
            }
        };
    }

    /**
     * Registers a generation about to start.
     *
     * @throws GenerationCancelledException if the client is closed
     */
    void register(Generation g) {
        synchronized (lifecycle) {
            if (closed) {
                throw closedError();
            }
            active.add(g);
        }
    }

    void unregister(Generation g) {
        active.remove(g);
    }

    GenerationCancelledException closedError() {
        return new GenerationCancelledException("this client for provider " + providerId + " is closed; build a new "
                + "one", providerId, null, null);
    }

    /**
     * Cancels every registered generation (their callers get a {@link GenerationCancelledException} at once and
     * their providers are asked to cancel their jobs), waits up to {@link #CLOSE_GRACE} for those cancellations to
     * be sent, then closes the provider and stops the threads.
     */
    void close() {
        List<Generation> running;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            running = new ArrayList<>(active);
        }
        long until = System.nanoTime() + CLOSE_GRACE.toNanos();
        for (Generation g : running) {
            g.cancel("the client was closed");
        }
        // every future handed out is complete when close returns, its listeners told
        for (Generation g : running) {
            g.awaitDelivered(until);
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            provider.close();
        } finally {
            workers.shutdownNow();
            timer.shutdownNow();
            eventThreads.shutdown();
        }
    }
}
