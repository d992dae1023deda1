package io.github.seedream4j.cli;

import io.github.seedream4j.Charge;
import io.github.seedream4j.Cost;
import io.github.seedream4j.GeneratedImage;
import io.github.seedream4j.GenerationEvent;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.ImageDestination;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.Seed;
import io.github.seedream4j.Warning;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate every line of a JSONL file, resumably.", "",
                "Each line is a JSON object: {\"prompt\": \"...\"} plus optional \"id\", \"negative\", \"size\", "
                        + "\"aspect\", \"seed\", \"n\", \"enhance\", \"safety\". Images go to DIR as <id>.png, or "
                        + "line-<N>.png (with -1, -2, ... when n > 1).", "",
                "DIR/manifest.jsonl records every submission, with the provider's job id, before the result arrives, "
                        + "and every result. Running the same command again skips lines already done and resumes jobs "
                        + "the provider accepted earlier instead of paying for them again: a killed batch loses no paid "
                        + "image. Lines that failed are submitted again.", ""},
        footer = {"%nExamples:",
                "  seedream batch prompts.jsonl --out images/ --provider fake",
                "  seedream batch prompts.jsonl --out images/ --provider runpod --concurrency 4 --max-cost 2.50",
                "",
                "  prompts.jsonl:",
                "    {\"id\": \"fox\", \"prompt\": \"a red fox in snow\", \"size\": \"2K\", \"aspect\": \"16:9\", \"seed\": 7}",
                "    {\"prompt\": \"a lighthouse at dawn\", \"n\": 2, \"negative\": \"people\"}",
                ExitCodes.FOOTER})
final class BatchCommand implements Callable<Integer> {

    private final Io io;

    @Parameters(index = "0", paramLabel = "FILE", description = "The batch file, one JSON object per line.")
    Path file;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true,
            description = "Directory for the images and manifest.jsonl (created when missing).")
    Path out;

    @Option(names = {"-c", "--concurrency"}, paramLabel = "N", defaultValue = "2",
            description = "How many generations run at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--max-cost", paramLabel = "AMOUNT",
            description = "Budget for this run in US dollars (e.g. 2.50). Before each submission the "
                    + "estimate is checked; the batch stops submitting when the next line could exceed it.")
    String maxCost;

    @Option(names = {"-f", "--force"}, description = "Overwrite image files that already exist.")
    boolean force;

    @Mixin
    final ClientOptions client = new ClientOptions();
    @Mixin
    final CommonOptions common;

    BatchCommand(Io io) {
        this.io = io;
        this.common = new CommonOptions(io);
    }

    /** One image of one line: the unit of submission, resumption and accounting. */
    private static final class Unit {
        final BatchFile.Line line;
        final int image;      // 1-based when the line asks for several images, else 0
        GenerationRequest request;
        Charge estimate;

        Unit(BatchFile.Line line, int image) {
            this.line = line;
            this.image = image;
        }

        String fileName() {
            return image == 0 ? line.name() : line.name() + "-" + image;
        }

        String label() {
            return "line " + line.number() + (image == 0 ? "" : " image " + image);
        }
    }

    private final Map<GenerationRequest, Unit> submitting = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<String, Unit> byGeneration = new ConcurrentHashMap<>();
    private Manifest manifest;
    private String providerId;
    private Progress progress;

    @Override
    public Integer call() throws InterruptedException {
        if (concurrency < 1 || concurrency > 64) {
            throw new UsageException("--concurrency " + concurrency + " is out of range: use 1 to 64");
        }
        Cost budget = maxCost == null ? null : parseBudget(maxCost);
        List<BatchFile.Line> lines = BatchFile.read(file);
        long started = System.nanoTime();
        try (SeedreamClient c = client.open(this::onEvent, io.verbose ? new VerboseListener(io) : null);
                Manifest m = Manifest.open(out)) {
            manifest = m;
            providerId = c.providerId();
            m.problems().forEach(io::warn);
            List<Unit> units = new ArrayList<>();
            int failed = 0;
            for (BatchFile.Line line : lines) {
                if (line.error() != null) {
                    io.error(file + " line " + line.number() + ": " + line.error());
                    m.append(line.number(), 0, "failed", fields("error", line.error()));
                    failed++;
                    continue;
                }
                int n = line.request().count();
                for (int i = n == 1 ? 0 : 1; i <= (n == 1 ? 0 : n); i++) {
                    units.add(new Unit(line, i));
                }
            }
            progress = new Progress(io, units.size(), failed, System.console() != null);
            Thread hook = new Thread(() -> {
                progress.stop();
                io.err.println();
                io.error("interrupted with " + progress.running() + " generation(s) running; run the same command "
                        + "again to resume them (manifest " + m.file() + ")");
            }, "seedream-batch-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
            progress.start();
            try {
                run(c, units, budget);
            } finally {
                progress.stop();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // already shutting down
                }
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            return summary(wall);
        }
    }

    private void run(SeedreamClient c, List<Unit> units, Cost budget) throws InterruptedException {
        Semaphore permits = new Semaphore(concurrency);
        List<CompletableFuture<?>> running = new ArrayList<>();
        boolean stopped = false;
        for (Unit u : units) {
            Manifest.Entry earlier = manifest.entry(u.line.number(), u.image);
            if (earlier != null && "done".equals(earlier.status)) {
                progress.alreadyDone();
                continue;
            }
            boolean resume = earlier != null && earlier.job != null && "submitted".equals(earlier.status);
            if (stopped && !resume) {
                manifest.append(u.line.number(), u.image, "skipped", fields("reason", "budget"));
                progress.skipped();
                continue;
            }
            try {
                u.request = requestFor(u, c, earlier, resume);
            } catch (SeedreamException | UsageException e) {
                fail(u, e.getMessage(), earlier == null ? null : earlier.job);
                continue;
            }
            permits.acquire();
            CompletableFuture<GenerationResult> f;
            boolean started = false;
            try {
                ImageDestination dest;
                if (resume) {
                    // the files, if any, are this line's own from the run that was cut short
                    dest = ImageDestination.directory(out, u.fileName(), true);
                    progress.started(null);
                    started = true;
                    f = c.resumeAsync(u.request, earlier.job, dest);
                } else {
                    u.estimate = c.estimate(u.request);
                    if (budget != null && !progress.reserve(u.estimate.cost(), budget)) {
                        permits.release();
                        stopped = true;
                        io.error("budget: " + u.label() + " could cost " + u.estimate.cost() + ", which would take this "
                                + "run past --max-cost " + budget + " (spent or committed: " + progress.committed()
                                + "); no more lines are submitted. Raise --max-cost and run the same command again "
                                + "to continue");
                        manifest.append(u.line.number(), u.image, "skipped", fields("reason", "budget"));
                        progress.skipped();
                        continue;
                    }
                    if (!force) {
                        Optional<Path> existing = new OutputTarget(out, u.fileName()).existing(1);
                        if (existing.isPresent()) {
                            progress.release(u.estimate.cost());
                            permits.release();
                            fail(u, "file " + existing.get() + " already exists; pass --force to overwrite it, or "
                                    + "give the line another id", null);
                            continue;
                        }
                    }
                    dest = ImageDestination.directory(out, u.fileName(), force);
                    progress.started(u.estimate.cost());
                    started = true;
                    submitting.put(u.request, u);
                    f = c.generateAsync(u.request, dest);
                }
            } catch (SeedreamException e) {
                submitting.remove(u.request);
                if (!resume && u.estimate != null && budget != null) {
                    progress.release(u.estimate.cost());
                }
                if (started) {
                    progress.finished();
                }
                permits.release();
                fail(u, e.getMessage(), resume ? earlier.job : null);
                continue;
            }
            running.add(f.handle((r, e) -> {
                try {
                    submitting.remove(u.request);
                    if (e != null) {
                        Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                                ? e.getCause() : e;
                        String job = t instanceof SeedreamException ? ((SeedreamException) t).jobId().orElse(null) : null;
                        progress.finished();
                        if (!resume && u.estimate != null) {
                            progress.release(u.estimate.cost());
                        }
                        fail(u, String.valueOf(t.getMessage()), job != null ? job : resume ? earlier.job : null);
                    } else {
                        done(u, r, resume);
                    }
                } finally {
                    permits.release();
                }
                return null;
            }));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
    }

    /** The request for one unit: one image, with the seed the manifest recorded when resuming. */
    private GenerationRequest requestFor(Unit u, SeedreamClient c, Manifest.Entry earlier, boolean resume) {
        GenerationRequest base = u.line.request().withCount(1);
        if (resume) {
            if (earlier.provider != null && !earlier.provider.equals(c.providerId())) {
                throw new UsageException(u.label() + " was submitted to provider " + earlier.provider + " as job "
                        + earlier.job + "; run again with --provider " + earlier.provider + " to collect it");
            }
            if (earlier.fingerprint != null && !earlier.fingerprint.equals(u.line.fingerprint())) {
                throw new UsageException(u.label() + " was changed after it was submitted as job " + earlier.job
                        + "; restore the line to collect that job, or remove its records from the manifest");
            }
            return earlier.seed == null ? base.withSeed(null) : base.withSeed(Seed.of(earlier.seed));
        }
        if (!c.capabilities().seed()) {
            return base;
        }
        // pin the seed now, so the manifest can rebuild exactly this request to resume its job
        Seed first = base.seed().orElseGet(Seed::random);
        return base.withSeed(u.image <= 1 ? first : first.plus(u.image - 1));
    }

    /** Records the provider's job id the moment it is known, before any result. */
    private void onEvent(GenerationEvent event) {
        if (event instanceof GenerationEvent.Validated) {
            Unit u = submitting.get(((GenerationEvent.Validated) event).request());
            if (u != null) {
                byGeneration.put(event.generationId(), u);
            }
        } else if (event instanceof GenerationEvent.Submitted) {
            Unit u = byGeneration.get(event.generationId());
            if (u != null) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("provider", event.providerId());
                f.put("job", ((GenerationEvent.Submitted) event).jobId());
                f.put("seed", u.request.seed().map(s -> (Object) s.value()).orElse(null));
                f.put("estimate", GenerateCommand.cost(u.estimate));
                f.put("fingerprint", u.line.fingerprint());
                manifest.append(u.line.number(), u.image, "submitted", f);
            }
        } else if (event instanceof GenerationEvent.Completed || event instanceof GenerationEvent.Failed
                || event instanceof GenerationEvent.Cancelled) {
            byGeneration.remove(event.generationId());
        }
    }

    private void done(Unit u, GenerationResult r, boolean resumed) {
        List<String> files = new ArrayList<>();
        for (GeneratedImage img : r.images()) {
            img.file().ifPresent(p -> files.add(p.toString()));
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("provider", r.providerId());
        f.put("files", files);
        f.put("pixels", r.image().resolution().toString());
        f.put("seed", r.seed().map(s -> (Object) s.value()).orElse(null));
        f.put("cost", GenerateCommand.cost(r.charge()));
        f.put("jobs", r.jobIds());
        if (resumed) {
            f.put("resumed", true);
        }
        List<Object> warnings = new ArrayList<>();
        for (Warning w : r.warnings()) {
            warnings.add(w.toString());
        }
        f.put("warnings", warnings);
        f.put("fingerprint", u.line.fingerprint());
        manifest.append(u.line.number(), u.image, "done", f);
        progress.done(r.charge(), u.estimate == null ? null : u.estimate.cost());
    }

    private void fail(Unit u, String message, String job) {
        String msg = Main.oneLine(message);
        io.error(file + " " + u.label() + ": " + msg);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("provider", providerId);
        f.put("error", msg);
        if (job != null) {
            f.put("job", job);
        }
        manifest.append(u.line.number(), u.image, "failed", f);
        progress.failed();
    }

    private int summary(Duration wall) {
        Progress.Totals t = progress.totals();
        io.out.println("batch " + file + ": " + t.done + " done" + (t.earlier > 0 ? " (+" + t.earlier + " earlier)" : "")
                + (t.resumed > 0 ? ", " + t.resumed + " resumed" : "") + ", " + t.failed + " failed, " + t.skipped
                + " skipped; cost " + t.reported + " reported + " + t.estimated + " estimated; "
                + String.format("%.1f", wall.toMillis() / 1000.0) + " s; manifest " + manifest.file());
        io.out.flush();
        return t.failed + t.skipped == 0 ? ExitCodes.OK : ExitCodes.BATCH_INCOMPLETE;
    }

    private static Cost parseBudget(String text) {
        try {
            return Cost.usd(text);
        } catch (SeedreamException e) {
            throw new UsageException("--max-cost '" + text + "' is not an amount: use a decimal number such as 2.50");
        }
    }

    private static Map<String, Object> fields(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    /** Counts, money and the live progress line. */
    static final class Progress {
        static final class Totals {
            int done;
            int earlier;
            int resumed;
            int failed;
            int skipped;
            Cost reported;
            Cost estimated;
        }

        private final Io io;
        private final int total;
        private final boolean terminal;
        private final long start = System.nanoTime();
        private final AtomicInteger running = new AtomicInteger();
        private final Totals t = new Totals();
        private Cost committed;
        private Cost spent;
        private Thread ticker;

        Progress(Io io, int total, int failedBefore, boolean terminal) {
            this.io = io;
            this.total = total;
            this.terminal = terminal;
            t.failed = failedBefore;
        }

        synchronized void alreadyDone() {
            t.earlier++;
        }

        synchronized void skipped() {
            t.skipped++;
        }

        synchronized void failed() {
            t.failed++;
        }

        void started(Cost estimate) {
            running.incrementAndGet();
        }

        void finished() {
            running.decrementAndGet();
        }

        int running() {
            return running.get();
        }

        /** Commits {@code estimate} of the budget if it fits. */
        synchronized boolean reserve(Cost estimate, Cost budget) {
            Cost next = committed == null ? estimate : committed.plus(estimate);
            if (next.compareTo(budget) > 0) {
                return false;
            }
            committed = next;
            return true;
        }

        synchronized void release(Cost estimate) {
            if (committed != null) {
                committed = new Cost(committed.amount().subtract(estimate.amount()).max(java.math.BigDecimal.ZERO),
                        committed.currency());
            }
        }

        synchronized String committed() {
            return committed == null ? "0" : committed.toString();
        }

        synchronized void done(Charge charge, Cost reservedEstimate) {
            running.decrementAndGet();
            t.done++;
            if (reservedEstimate == null) {
                t.resumed++;
            }
            spent = spent == null ? charge.cost() : spent.plus(charge.cost());
            if (charge.isEstimated()) {
                t.estimated = t.estimated == null ? charge.cost() : t.estimated.plus(charge.cost());
            } else {
                t.reported = t.reported == null ? charge.cost() : t.reported.plus(charge.cost());
            }
            if (reservedEstimate != null && committed != null) {
                // replace the reservation by what was actually charged
                Cost adjusted = new Cost(committed.amount().subtract(reservedEstimate.amount()).max(java.math.BigDecimal.ZERO),
                        committed.currency());
                committed = adjusted.plus(charge.cost());
            }
        }

        synchronized Totals totals() {
            Totals copy = new Totals();
            copy.done = t.done;
            copy.earlier = t.earlier;
            copy.resumed = t.resumed;
            copy.failed = t.failed;
            copy.skipped = t.skipped;
            Cost zero = spent == null ? Cost.ZERO_USD : Cost.zero(spent.currency());
            copy.reported = t.reported == null ? zero : t.reported;
            copy.estimated = t.estimated == null ? zero : t.estimated;
            return copy;
        }

        void start() {
            ticker = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(terminal ? 250 : 5000);
                        print();
                    }
                } catch (InterruptedException e) {
                    // stopped
                }
            }, "seedream-batch-progress");
            ticker.setDaemon(true);
            ticker.start();
        }

        void stop() {
            Thread tk = ticker;
            if (tk != null) {
                tk.interrupt();
                ticker = null;
                if (terminal) {
                    print();
                    io.err.println();
                    io.err.flush();
                }
            }
        }

        private void print() {
            String line;
            synchronized (this) {
                int finished = t.done + t.failed + t.skipped;
                double secs = (System.nanoTime() - start) / 1e9;
                double rate = secs > 0 ? t.done / secs : 0;
                int left = Math.max(0, total - t.earlier - finished);
                String eta = rate > 0 ? String.format("%.0fs", left / rate) : "?";
                line = String.format("done %d/%d, failed %d, running %d, spent %s, %.2f img/s, ETA %s", t.done + t.earlier,
                        total, t.failed, running.get(), spent == null ? "0" : spent.toString(), rate, eta);
            }
            synchronized (io.err) {
                if (terminal) {
                    io.err.print("\r" + line + "   ");
                } else {
                    io.err.println("progress: " + line);
                }
                io.err.flush();
            }
        }
    }
}
