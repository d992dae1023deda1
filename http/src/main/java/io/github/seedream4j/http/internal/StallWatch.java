package io.github.seedream4j.http.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A timeout for silence in a response body: when no byte arrives for {@code limit}, {@code onSilence} runs once
 * (the body subscriber then abandons the exchange and fails the download with {@link #stalled()}). One check is
 * scheduled at a time, on the generation's scheduler; arriving bytes only update two fields.
 */
public final class StallWatch implements Runnable {

    private final ScheduledExecutorService scheduler;
    private final long limitNanos;
    private final Duration limit;
    private final Runnable onSilence;
    private volatile long last = System.nanoTime();
    private volatile long bytes;
    private volatile boolean stopped;
    private volatile ScheduledFuture<?> next;

    private StallWatch(ScheduledExecutorService scheduler, Duration limit, Runnable onSilence) {
        this.scheduler = scheduler;
        this.limit = limit;
        this.limitNanos = limit.toNanos();
        this.onSilence = onSilence;
    }

    /**
     * Starts watching.
     *
     * @param scheduler where the checks run
     * @param limit the longest silence allowed
     * @param onSilence what to do when it passes
     * @return the watch; {@link #stop()} it when the body is over
     */
    public static StallWatch start(ScheduledExecutorService scheduler, Duration limit, Runnable onSilence) {
        StallWatch w = new StallWatch(scheduler, limit, onSilence);
        w.schedule(w.limitNanos);
        return w;
    }

    /** Stops watching; {@code onSilence} no longer runs. */
    public void stop() {
        stopped = true;
        ScheduledFuture<?> f = next;
        if (f != null) {
            f.cancel(false);
        }
    }

    /**
     * Notes that {@code n} bytes arrived. Called by one thread at a time (the body's subscriber).
     *
     * @param n how many bytes
     */
    public void progress(int n) {
        last = System.nanoTime();
        bytes += n;
    }

    /** {@return the failure to report once the watch fired: how long the server was silent, after how many bytes} */
    public IOException stalled() {
        return new IOException("no byte arrived for " + Failures.seconds(limit) + " after " + bytes
                + " bytes: the server stopped sending");
    }

    @Override
    public void run() {
        if (stopped) {
            return;
        }
        long idle = System.nanoTime() - last;
        if (idle >= limitNanos) {
            stopped = true;
            onSilence.run();
            return;
        }
        schedule(limitNanos - idle);
    }

    private void schedule(long delayNanos) {
        try {
            next = scheduler.schedule(this, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            // the client is closing: its cancellation ends the body instead
        }
    }
}
