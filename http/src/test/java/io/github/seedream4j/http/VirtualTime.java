package io.github.seedream4j.http;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A clock and a scheduler on virtual time, for tests of timing without sleeps: {@link #runUntil} runs every task due
 * by then, in time order (ties in the order they were scheduled), moving the clock to each task's time. One thread
 * only: the test's.
 */
final class VirtualTime extends AbstractExecutorService implements ScheduledExecutorService, LongSupplier {

    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long now = 1_000_000_000L;
    private long sequence;
    private boolean shutdown;

    @Override
    public long getAsLong() {
        return now;
    }

    /** {@return the virtual time in nanoseconds} */
    long now() {
        return now;
    }

    /** Runs every task due by {@code until}, then sets the clock to it. */
    void runUntil(long until) {
        while (!tasks.isEmpty() && tasks.peek().at - until <= 0) {
            Task t = tasks.poll();
            if (!t.cancelled) {
                now = Math.max(now, t.at);
                t.done = true;
                t.action.run();
            }
        }
        now = Math.max(now, until);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (shutdown) {
            throw new RejectedExecutionException("virtual time is shut down");
        }
        long nanos = Math.max(0, unit.toNanos(delay));
        Task t = new Task(nanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos, sequence++, command);
        tasks.add(t);
        return t;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
            TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = new ArrayList<>();
        tasks.forEach(t -> left.add(t.action));
        tasks.clear();
        return left;
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown && tasks.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    private final class Task implements ScheduledFuture<Object>, Comparable<Delayed> {
        final long at;
        final long sequence;
        final Runnable action;
        boolean cancelled;
        boolean done;

        Task(long at, long sequence, Runnable action) {
            this.at = at;
            this.sequence = sequence;
            this.action = action;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(at - now, TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Task o = (Task) other;
            return at != o.at ? Long.compare(at, o.at) : Long.compare(sequence, o.sequence);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done || cancelled) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() throws ExecutionException {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) throws ExecutionException {
            return null;
        }
    }
}
