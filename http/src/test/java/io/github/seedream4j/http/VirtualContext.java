package io.github.seedream4j.http;

import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageSink;
import io.github.seedream4j.spi.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A generation on {@link VirtualTime}: its scheduler is the virtual one, and at its deadline it is cancelled, as the
 * client does, on virtual time too. It has no sink or progress: the gate uses neither.
 */
class VirtualContext implements GenerationContext {

    private final VirtualTime time;
    private final long deadline;
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    VirtualContext(VirtualTime time, Duration timeout) {
        this.time = time;
        this.deadline = time.now() + timeout.toNanos();
        time.schedule(this::cancel, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Cancels the generation: runs every action registered, as the client does. */
    void cancel() {
        cancelled = true;
        for (Runnable r : onCancel) {
            if (onCancel.remove(r)) {
                r.run();
            }
        }
    }

    @Override
    public Instant deadline() {
        return Instant.now().plus(remaining());
    }

    @Override
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadline - time.now()));
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void onCancel(Runnable action) {
        onCancel.add(action);
        if (cancelled && onCancel.remove(action)) {
            action.run();
        }
    }

    @Override
    public Executor executor() {
        return time;
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return time;
    }

    @Override
    public ImageSink images() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Progress progress() {
        throw new UnsupportedOperationException();
    }

    @Override
    public System.Logger logger() {
        return System.getLogger("io.github.seedream4j.provider.test");
    }
}
