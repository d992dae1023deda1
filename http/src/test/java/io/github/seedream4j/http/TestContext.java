package io.github.seedream4j.http;

import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.ImageDownloadException;
import io.github.seedream4j.Warning;
import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageSink;
import io.github.seedream4j.spi.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A generation's context as the client gives it, for the toolkit's own tests: its own worker pool and one-thread
 * scheduler, cancellation that runs the registered actions, a sink that reads like the client's (a cap while
 * reading, declared types checked) and a record of what was reported.
 */
final class TestContext implements GenerationContext, Progress, ImageSink, AutoCloseable {

    final List<String> retries = new CopyOnWriteArrayList<>();
    final List<String> submitted = new CopyOnWriteArrayList<>();
    final List<byte[]> images = new CopyOnWriteArrayList<>();
    /** How many images were opened for pushed content. */
    final java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
    final List<String> types = new CopyOnWriteArrayList<>();
    final List<URI> sources = new CopyOnWriteArrayList<>();
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("test-worker"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("test-timer"));
    private final Instant deadline = Instant.now().plusSeconds(60);
    private final long cap;
    private volatile boolean cancelled;

    TestContext() {
        this(1024 * 1024);
    }

    TestContext(long cap) {
        this.cap = cap;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
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
    public void close() {
        workers.shutdownNow();
        timer.shutdownNow();
    }

    @Override
    public Instant deadline() {
        return deadline;
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
    public ExecutorService executor() {
        return workers;
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return timer;
    }

    @Override
    public ImageSink images() {
        return this;
    }

    @Override
    public Progress progress() {
        return this;
    }

    @Override
    public System.Logger logger() {
        return System.getLogger("io.github.seedream4j.provider.test");
    }

    @Override
    public void submitted(String jobId) {
        submitted.add(jobId);
    }

    @Override
    public void polled(String jobId, String status) {
    }

    @Override
    public void retried(int attempt, Duration delay, String reason) {
        retries.add(attempt + " after " + delay.toMillis() + "ms: " + reason);
    }

    @Override
    public void warn(Warning warning) {
    }

    @Override
    public void store(InputStream content, String declaredMediaType, URI source) {
        if (declaredMediaType != null && !declaredMediaType.startsWith("image/")) {
            throw new ImageDownloadException("sink: declared " + declaredMediaType + " is not an image");
        }
        try {
            byte[] read = content.readNBytes((int) cap + 1);
            if (read.length > cap) {
                throw new ImageDownloadException("sink: over the cap");
            }
            store(read, declaredMediaType, source);
        } catch (IOException e) {
            if (cancelled) {
                throw new GenerationCancelledException("sink: the generation was cancelled");
            }
            throw new ImageDownloadException("sink: reading the image from " + source.getHost() + " failed: "
                    + e.getMessage(), null, null, e);
        }
    }

    @Override
    public Upload open(String declaredMediaType, URI source, long expectedBytes) {
        if (declaredMediaType != null && !declaredMediaType.startsWith("image/")) {
            throw new ImageDownloadException("sink: declared " + declaredMediaType + " is not an image");
        }
        opened.incrementAndGet();
        return ImageSink.super.open(declaredMediaType, source, expectedBytes);
    }

    @Override
    public void store(byte[] content, String declaredMediaType, URI source) {
        images.add(content);
        types.add(declaredMediaType);
        sources.add(source);
    }

    @Override
    public long maxBytes() {
        return cap;
    }
}
