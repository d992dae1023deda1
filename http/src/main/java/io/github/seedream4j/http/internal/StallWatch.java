package io.github.seedream4j.http.internal;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A per-read timeout for a response body: when no byte arrives for {@code limit}, the body is closed, which ends a
 * read blocked in the JDK client at once (on JDK 17 an interrupt does not), and the read fails with a message
 * saying the server stalled. One check is scheduled at a time, on the generation's scheduler, and only hands off.
 */
public final class StallWatch implements Runnable {

    private final ScheduledExecutorService scheduler;
    private final long limitNanos;
    private final Duration limit;
    private final Closeable body;
    private volatile long last = System.nanoTime();
    private volatile long bytes;
    private volatile boolean stopped;
    private volatile boolean fired;
    private volatile ScheduledFuture<?> next;

    private StallWatch(ScheduledExecutorService scheduler, Duration limit, Closeable body) {
        this.scheduler = scheduler;
        this.limit = limit;
        this.limitNanos = limit.toNanos();
        this.body = body;
    }

    /**
     * Starts watching {@code body}.
     *
     * @param scheduler where the checks run
     * @param limit the longest silence allowed
     * @param body what to close when it passes
     * @return the watch; {@link #stop()} it when the read is over
     */
    public static StallWatch start(ScheduledExecutorService scheduler, Duration limit, Closeable body) {
        StallWatch w = new StallWatch(scheduler, limit, body);
        w.schedule(w.limitNanos);
        return w;
    }

    /**
     * {@return {@code in}, reporting its progress to this watch and failing, once the watch fired, with a message
     * saying how long the server was silent and after how many bytes}
     *
     * @param in the body as read
     */
    public InputStream watch(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                try {
                    int b = super.read();
                    progress(b < 0 ? 0 : 1);
                    return b;
                } catch (IOException e) {
                    throw stalledOr(e);
                }
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                try {
                    int n = super.read(buf, off, len);
                    progress(Math.max(n, 0));
                    return n;
                } catch (IOException e) {
                    throw stalledOr(e);
                }
            }
        };
    }

    /** {@return whether the silence passed the limit and the body was closed} */
    public boolean fired() {
        return fired;
    }

    /** Stops watching; the body is no longer closed by this watch. */
    public void stop() {
        stopped = true;
        ScheduledFuture<?> f = next;
        if (f != null) {
            f.cancel(false);
        }
    }

    private void progress(int n) {
        last = System.nanoTime();
        bytes += n;
    }

    private IOException stalledOr(IOException e) {
        if (!fired) {
            return e;
        }
        return new IOException("no byte arrived for " + Failures.seconds(limit) + " after " + bytes
                + " bytes: the server stopped sending", e);
    }

    @Override
    public void run() {
        if (stopped) {
            return;
        }
        long idle = System.nanoTime() - last;
        if (idle >= limitNanos) {
            fired = true;
            try {
                body.close();
            } catch (IOException | RuntimeException ignored) {
                // closing is what ends the blocked read; a failure to close changes nothing more
            }
            return;
        }
        schedule(limitNanos - idle);
    }

    private void schedule(long delayNanos) {
        try {
            next = scheduler.schedule(this, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            // the client is closing: its cancellation closes the body instead
        }
    }
}
