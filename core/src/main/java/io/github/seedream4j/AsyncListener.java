package io.github.seedream4j;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers events to a listener on one daemon thread, in order, through a bounded queue that drops (and counts)
 * instead of blocking the publisher. At most one drain task runs at a time, which keeps the order.
 */
final class AsyncListener implements GenerationListener.Async {

    private static final System.Logger LOG = System.getLogger("io.github.seedream4j.events");
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final GenerationListener delegate;
    private final int capacity;
    private final BlockingQueue<GenerationEvent> queue;
    private final ThreadPoolExecutor executor;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    /** See {@link GenerationListener#async(GenerationListener, int)}. */
    public AsyncListener(GenerationListener delegate, int capacity) {
        this.delegate = Objects.requireNonNull(delegate, "listener");
        if (capacity < 1) {
            throw new InvalidRequestException("queueCapacity " + capacity + " must be at least 1");
        }
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new DaemonThreads("seedream-listener-" + INSTANCES.incrementAndGet()));
        this.executor.allowCoreThreadTimeOut(true);
    }

    @Override
    public void onEvent(GenerationEvent event) {
        if (closed || !queue.offer(event)) {
            drop(event);
            return;
        }
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // closed meanwhile: nothing will deliver what is queued
                draining.set(false);
                for (GenerationEvent left; (left = queue.poll()) != null; ) {
                    drop(left);
                }
            }
        }
    }

    private void drain() {
        do {
            for (GenerationEvent e; (e = queue.poll()) != null; ) {
                deliver(e);
            }
            draining.set(false);
        } while (!queue.isEmpty() && draining.compareAndSet(false, true));
    }

    private void deliver(GenerationEvent event) {
        try {
            delegate.onEvent(event);
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError) {
                throw (VirtualMachineError) e;
            }
            LOG.log(System.Logger.Level.WARNING, () -> "generation " + event.generationId() + " [" + event.providerId()
                    + "] listener " + delegate.getClass().getName() + " threw on " + event.getClass().getSimpleName()
                    + "; ignored: " + e, e);
        }
    }

    private void drop(GenerationEvent event) {
        if (dropped.getAndIncrement() == 0 && !closed) {
            LOG.log(System.Logger.Level.WARNING, () -> "generation " + event.generationId() + " ["
                    + event.providerId() + "] listener " + delegate.getClass().getName() + " is too slow: its queue of "
                    + capacity + " event(s) is full, so " + event.getClass().getSimpleName() + " was dropped; further "
                    + "drops are only counted. Raise the queue capacity or make the listener faster");
        }
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdown();
    }

    @Override
    public String toString() {
        return "GenerationListener.async(" + delegate.getClass().getName() + ", " + capacity + ")[queued="
                + queue.size() + ", dropped=" + dropped.get() + (closed ? ", closed" : "") + "]";
    }
}
