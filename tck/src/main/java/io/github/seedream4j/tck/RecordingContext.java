package io.github.seedream4j.tck;

import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.ImageDownloadException;
import io.github.seedream4j.ImageFormat;
import io.github.seedream4j.Warning;
import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageSink;
import io.github.seedream4j.spi.Progress;
import io.github.seedream4j.spi.ProviderCall;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link GenerationContext} for unit tests of a provider without a client: it records the images stored, the
 * job ids, polls, retries and warnings reported, and the log records written, and lets the test cancel. The
 * images are checked only for a known format and the size cap; the client's own checks (pixels, media type,
 * seeds) run in the compatibility kit.
 *
 * <pre>{@code
 * try (RecordingContext context = RecordingContext.create()) {
 *     ProviderResult result = provider.generate(RecordingContext.callOf(request), context).get(10, SECONDS);
 *     assertThat(context.storedImages()).hasSize(1);
 *     assertThat(context.reports()).contains(new RecordingContext.Report.Submitted("job-1"));
 * }
 * }</pre>
 *
 * <p>Thread-safe. Close it to stop its threads.
 */
public final class RecordingContext implements GenerationContext, AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Instant deadline;
    private final long maxBytes;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final List<Runnable> onCancel = new ArrayList<>();
    private final List<StoredImage> images = new CopyOnWriteArrayList<>();
    private final List<Report> reports = new CopyOnWriteArrayList<>();
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    private RecordingContext(Duration timeout, long maxBytes) {
        this.deadline = Instant.now().plus(timeout);
        this.maxBytes = maxBytes;
        this.executor = Executors.newCachedThreadPool(r -> daemon(r, "worker"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "scheduler"));
    }

    /** {@return a context with a deadline one minute from now and a 128 MiB image cap} */
    public static RecordingContext create() {
        return new RecordingContext(Duration.ofMinutes(1), 128L * 1024 * 1024);
    }

    /**
     * A context whose deadline is {@code timeout} from now. The context does not cancel itself when it passes; a
     * test that wants that calls {@link #cancel()}.
     *
     * @param timeout time until the deadline, positive
     * @param maxBytes the largest image, in bytes, the sink accepts
     * @return a new context
     */
    public static RecordingContext create(Duration timeout, long maxBytes) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a timeout is positive, not " + timeout);
        }
        return new RecordingContext(timeout, maxBytes);
    }

    /**
     * A call as the client would prepare it for a request that fits into one provider call: the request's own
     * size, count and seed, call index 0.
     *
     * @param request the request, never {@code null}
     * @return the call
     */
    public static ProviderCall callOf(GenerationRequest request) {
        return new ProviderCall(request, request.size().resolution(), request.count(), 0);
    }

    /** Cancels the generation: {@link #isCancelled()} turns true and every {@link #onCancel} action runs once. */
    public void cancel() {
        List<Runnable> actions;
        synchronized (onCancel) {
            cancelled = true;
            actions = List.copyOf(onCancel);
            onCancel.clear();
        }
        actions.forEach(RecordingContext::runQuietly);
    }

    /** {@return the images stored so far, in order; a snapshot} */
    public List<StoredImage> storedImages() {
        return List.copyOf(images);
    }

    /** {@return what the provider reported so far, in order; a snapshot} */
    public List<Report> reports() {
        return List.copyOf(reports);
    }

    /** {@return the job ids reported with {@link Progress#submitted}, in order; a snapshot} */
    public List<String> jobIds() {
        return reports.stream().filter(r -> r instanceof Report.Submitted).map(r -> ((Report.Submitted) r).jobId())
                .toList();
    }

    /** {@return the provider's log records as {@code LEVEL message}, in order; a snapshot} */
    public List<String> logged() {
        return List.copyOf(logged);
    }

    // ---------------------------------------------------------------------------------- GenerationContext

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
        Objects.requireNonNull(action, "action");
        synchronized (onCancel) {
            if (!cancelled) {
                onCancel.add(action);
                return;
            }
        }
        runQuietly(action);
    }

    @Override
    public ExecutorService executor() {
        return executor;
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public ImageSink images() {
        return sink;
    }

    @Override
    public Progress progress() {
        return progress;
    }

    @Override
    public System.Logger logger() {
        return logger;
    }

    /** Stops the context's threads, interrupting work still running. */
    @Override
    public void close() {
        executor.shutdownNow();
        scheduler.shutdownNow();
    }

    @Override
    public String toString() {
        return "RecordingContext[" + images.size() + " image(s), " + reports.size() + " report(s)"
                + (cancelled ? ", cancelled" : "") + "]";
    }

    // ------------------------------------------------------------------------------------------ records

    /**
     * An image the provider stored. The array is the context's own.
     *
     * @param bytes the image's bytes
     * @param format the format its magic bytes show
     * @param declaredMediaType the media type the provider declared, or {@code null}
     * @param source where the provider says it came from, or {@code null}
     */
    public record StoredImage(byte[] bytes, ImageFormat format, String declaredMediaType, URI source) {
    }

    /** One thing a provider reported through {@link Progress}. */
    public sealed interface Report {

        /**
         * {@link Progress#submitted(String)}.
         *
         * @param jobId the job id
         */
        record Submitted(String jobId) implements Report {
        }

        /**
         * {@link Progress#polled(String, String)}.
         *
         * @param jobId the job id
         * @param status the status
         */
        record Polled(String jobId, String status) implements Report {
        }

        /**
         * {@link Progress#retried(int, Duration, String)}.
         *
         * @param attempt the attempt about to be made
         * @param delay the wait before it
         * @param reason why
         */
        record Retried(int attempt, Duration delay, String reason) implements Report {
        }

        /**
         * {@link Progress#warn(Warning)}.
         *
         * @param warning the warning
         */
        record Warned(Warning warning) implements Report {
        }
    }

    // -------------------------------------------------------------------------------------------- parts

    private final ImageSink sink = new ImageSink() {
        @Override
        public void store(InputStream content, String declaredMediaType, URI source) {
            Objects.requireNonNull(content, "content");
            try {
                byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                store(bytes, declaredMediaType, source);
            } catch (IOException e) {
                throw new ImageDownloadException("reading the image failed: " + e.getMessage(), null, null,
                        new UncheckedIOException(e));
            }
        }

        @Override
        public void store(byte[] content, String declaredMediaType, URI source) {
            Objects.requireNonNull(content, "content");
            if (cancelled) {
                throw new GenerationCancelledException("the generation was cancelled; the image is not stored");
            }
            if (content.length > maxBytes) {
                throw new ImageDownloadException("the image is larger than the cap of " + maxBytes + " bytes");
            }
            ImageFormat format = ImageFormat.sniff(content, Math.min(content.length, ImageFormat.HEADER_BYTES))
                    .orElseThrow(() -> new ImageDownloadException("the " + content.length + " bytes stored are not "
                            + "a PNG, JPEG or WebP image"));
            images.add(new StoredImage(content, format, declaredMediaType, source));
        }

        @Override
        public long maxBytes() {
            return maxBytes;
        }
    };

    private final Progress progress = new Progress() {
        @Override
        public void submitted(String jobId) {
            reports.add(new Report.Submitted(Objects.requireNonNull(jobId, "jobId")));
        }

        @Override
        public void polled(String jobId, String status) {
            reports.add(new Report.Polled(jobId, status));
        }

        @Override
        public void retried(int attempt, Duration delay, String reason) {
            reports.add(new Report.Retried(attempt, delay, reason));
        }

        @Override
        public void warn(Warning warning) {
            reports.add(new Report.Warned(Objects.requireNonNull(warning, "warning")));
        }
    };

    /** Records instead of printing, so passing tests stay quiet. */
    private final System.Logger logger = new System.Logger() {
        @Override
        public String getName() {
            return "io.github.seedream4j.tck.RecordingContext";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            logged.add(level + " " + msg + (thrown == null ? "" : " (" + thrown + ")"));
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            logged.add(level + " " + (params == null || params.length == 0 ? format
                    : MessageFormat.format(format, params)));
        }
    };

    private static Thread daemon(Runnable r, String role) {
        Thread t = new Thread(r, "recording-context-" + role + "-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            // as in the client: what a cancel action throws does not stop the others
        }
    }
}
