package io.github.seedream4j;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the time of a generation went: the total seen by the caller, the part spent fetching images, and, when the
 * provider reports them, the time its job waited in a queue and the time the model ran.
 */
public final class Timings {

    private final Duration total;
    private final Duration download;
    private final Duration queue;
    private final Duration execution;

    /**
     * @param total wall time from submission to result, never {@code null}
     * @param download time spent fetching image bytes, never {@code null}
     * @param queue time the provider reports its job was queued, or {@code null}
     * @param execution time the provider reports the model ran, or {@code null}
     */
    public Timings(Duration total, Duration download, Duration queue, Duration execution) {
        this.total = Objects.requireNonNull(total, "total");
        this.download = Objects.requireNonNull(download, "download");
        this.queue = queue;
        this.execution = execution;
    }

    /** {@return wall time from submission to result} */
    public Duration total() {
        return total;
    }

    /** {@return time spent fetching image bytes} */
    public Duration download() {
        return download;
    }

    /** {@return time the provider reports the job waited in its queue, when it reports it} */
    public Optional<Duration> queue() {
        return Optional.ofNullable(queue);
    }

    /** {@return time the provider reports the model ran, when it reports it} */
    public Optional<Duration> execution() {
        return Optional.ofNullable(execution);
    }

    @Override
    public String toString() {
        return "Timings[total=" + total.toMillis() + "ms, download=" + download.toMillis() + "ms"
                + (queue == null ? "" : ", queue=" + queue.toMillis() + "ms")
                + (execution == null ? "" : ", execution=" + execution.toMillis() + "ms") + "]";
    }
}
