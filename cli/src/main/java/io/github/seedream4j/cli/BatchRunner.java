package io.github.seedream4j.cli;

import io.github.seedream4j.Charge;
import io.github.seedream4j.Cost;
import io.github.seedream4j.GenerationHandle;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.ImageDestination;
import io.github.seedream4j.Seed;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.Warning;
import io.github.seedream4j.cli.ManifestRecord.Money;
import io.github.seedream4j.cli.ManifestRecord.Status;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The batch engine: reads a batch file, locks and replays the output directory's manifest, and generates every
 * image not done yet, {@code concurrency} at a time, within the budget. Every step is journalled in the manifest
 * before the next, so a killed run loses no paid image: the next run skips what is done and resumes what the provider
 * accepted. Each unit is one {@link SeedreamClient#submit} whose handle gives the job ids (journalled as
 * {@code submitted} before any result) and the outcome. The picocli command only parses options into
 * {@link Options}.
 */
final class BatchRunner {

    /**
     * What to run.
     *
     * @param file the batch file
     * @param out the output directory
     * @param concurrency generations at once, 1 to 64
     * @param budget the most this run may commit, or null
     * @param force overwrite files; generate again images whose request changed since they were recorded
     * @param strict refuse requests with options the provider cannot honour
     * @param progress how progress is shown
     * @param progressEvery how often a progress record is printed when not on a terminal
     */
    record Options(Path file, Path out, int concurrency, Cost budget, boolean force, boolean strict,
            Progress.Mode progress, Duration progressEvery) {
    }

    /** How the run ended. */
    record Summary(Path file, Ledger.Totals totals, Duration wall, Path manifest, Path contactSheet) {
        /** 0 when every image is done, else 3. */
        int exitCode() {
            return totals.failed() + totals.skipped() + totals.changed() == 0 ? ExitCodes.OK : ExitCodes.BATCH_INCOMPLETE;
        }
    }

    /**
     * How often the job ids of running generations are read from their handles to journal them. Core reports a job
     * id on its handle but does not push it, so this bounds how long an accepted job can go unrecorded.
     */
    static final Duration JOB_CHECK_INTERVAL = Duration.ofMillis(50);

    private final Options options;
    private final Io io;
    private final SeedreamClient client;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final Set<Attempt> live = ConcurrentHashMap.newKeySet();
    private Manifest manifest;
    private Ledger ledger;
    private ContactSheet sheet;

    BatchRunner(Options options, Io io, SeedreamClient client) {
        this.options = options;
        this.io = io;
        this.client = client;
    }

    /** One attempt at one unit: its handle, and which of the handle's job ids the manifest holds. */
    private final class Attempt {
        final BatchFile.Unit unit;
        final GenerationRequest request;
        final Cost estimate;
        final String resumeJob;
        volatile Cost reserved;
        volatile GenerationHandle handle;
        private final Set<String> journalled = new HashSet<>();
        private boolean settled;

        Attempt(BatchFile.Unit unit, GenerationRequest request, Cost estimate, String resumeJob) {
            this.unit = unit;
            this.request = request;
            this.estimate = estimate;
            this.resumeJob = resumeJob;
        }

        /**
         * Journals each job id the handle knows and the manifest does not, before any result: a run killed from
         * here on resumes the job instead of paying for it again. Nothing is journalled once the attempt settled, so
         * a {@code submitted} record never follows the outcome.
         */
        synchronized void journalJobs() {
            GenerationHandle h = handle;
            if (settled || h == null || resumeJob != null) {
                return;
            }
            for (String job : h.jobIds()) {
                if (journalled.add(job)) {
                    manifest.append(ManifestRecord.of(unit, Status.SUBMITTED).withProvider(client.providerId(), job)
                            .withSubmission(request.seed().map(Seed::value).orElse(null),
                                    Money.of(Charge.estimated(estimate))));
                }
            }
        }

        /** Ends journalling: the outcome is recorded next. */
        synchronized void settle() {
            settled = true;
        }

        /** The job ids the provider gave this attempt so far. */
        List<String> jobs() {
            GenerationHandle h = handle;
            return h == null ? List.of() : h.jobIds();
        }
    }

    Summary run() throws InterruptedException {
        long started = System.nanoTime();
        BatchFile.Contents contents = BatchFile.read(options.file());
        try (Manifest m = Manifest.open(options.out())) {
            manifest = m;
            m.problems().forEach(io::warn);
            sheet = new ContactSheet(options.out(), "seedream batch " + options.file().getFileName(), contents, m);
            List<BatchFile.Line> bad = contents.invalid();
            for (BatchFile.Line line : bad) {
                io.error(options.file() + " line " + line.number() + ": " + line.error());
                m.append(ManifestRecord.badLine(line));
            }
            ledger = new Ledger(contents.units().size() + bad.size(), bad.size());
            Progress progress = new Progress(io, ledger, options.budget(), options.progress(), options.progressEvery(),
                    System::nanoTime);
            Thread hook = new Thread(() -> {
                progress.stop();
                io.error("interrupted with " + ledger.totals().running() + " generation(s) running; run the same "
                        + "command again to resume them (manifest " + m.file() + ")");
            }, "seedream-batch-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
            progress.start();
            ScheduledExecutorService jobs = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "seedream-batch-jobs");
                t.setDaemon(true);
                return t;
            });
            jobs.scheduleWithFixedDelay(this::journalJobs, JOB_CHECK_INTERVAL.toMillis(), JOB_CHECK_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
            try {
                generateAll(contents.units());
            } finally {
                jobs.shutdownNow();
                progress.stop();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // already shutting down
                }
                sheet.update(true);
            }
            return new Summary(options.file(), ledger.totals(), Duration.ofNanos(System.nanoTime() - started), m.file(),
                    sheet.file());
        }
    }

    private void generateAll(List<BatchFile.Unit> units) throws InterruptedException {
        Semaphore permits = new Semaphore(options.concurrency());
        List<CompletableFuture<?>> running = new ArrayList<>();
        boolean stopped = false;
        for (BatchFile.Unit u : units) {
            Optional<Manifest.Entry> earlier = manifest.entry(u.name());
            ManifestRecord pending = earlier.map(e -> e.pending).orElse(null);
            ManifestRecord done = earlier.map(e -> e.done).orElse(null);
            if (pending != null) {
                String why = mismatch(u, pending);
                if (why != null) {
                    if (!options.force()) {
                        changed(u, why + ", or pass --force to submit it again and pay again (job " + pending.job()
                                + " may be billed too)");
                        continue;
                    }
                    pending = null;
                }
            } else if (done != null) {
                if (u.fingerprint().equals(done.fingerprint())) {
                    ledger.alreadyDone();
                    continue;
                }
                if (!options.force()) {
                    changed(u, "its request changed since its image " + files(done) + " was made; it is not generated "
                            + "again. Restore the line to keep that image, give the line a new id to make the new "
                            + "image beside it, or pass --force to replace the image (and pay again)");
                    continue;
                }
            }
            boolean resume = pending != null;
            if (stopped && !resume) {
                skip(u);
                continue;
            }
            GenerationRequest request;
            Cost estimate;
            try {
                request = requestFor(u, pending);
                estimate = client.estimate(request).cost();
                if (!resume) {
                    List<Warning> warnings = client.validate(request);
                    Strictness.check(options.strict(), client.providerId(), warnings);
                    warnings.forEach(this::warnOnce);
                }
            } catch (SeedreamException | UsageException e) {
                failUnsent(u, e.getMessage(), pending == null ? null : pending.job());
                continue;
            }
            if (!resume && !options.force()) {
                Optional<Path> existing = new OutputTarget(options.out(), u.name()).existing(
                        OutputTarget.files(client.capabilities(), request));
                if (existing.isPresent()) {
                    failUnsent(u, "file " + existing.get() + " already exists; pass --force to overwrite it, or give "
                            + "the line another id", null);
                    continue;
                }
            }
            permits.acquire();
            Attempt a = new Attempt(u, request, estimate, resume ? pending.job() : null);
            if (resume) {
                ledger.resuming();
            } else if (ledger.reserve(estimate, options.budget())) {
                a.reserved = estimate;
            } else {
                permits.release();
                stopped = true;
                io.error("budget: " + u.label() + " could cost " + estimate + ", which would take this run past "
                        + "--max-cost " + options.budget() + " (spent or committed: " + ledger.totals().committed()
                        + "); no more lines are submitted. Raise --max-cost and run the same command again to continue");
                skip(u);
                continue;
            }
            // a resumed job's files, if any, are its own from the run that was cut short
            ImageDestination destination = ImageDestination.directory(options.out(), u.name(), resume || options.force());
            CompletableFuture<GenerationResult> f;
            try {
                if (resume) {
                    f = client.resumeAsync(request, a.resumeJob, destination);
                } else {
                    a.handle = client.submit(request, destination);
                    live.add(a);
                    f = a.handle.result();
                }
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            // a provider that answers at once gave its job id before submit returned
            a.journalJobs();
            running.add(f.handle((r, e) -> {
                try {
                    settle(a, r, e);
                } finally {
                    permits.release();
                }
                return null;
            }));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
    }

    /** Journals the job ids of every running generation that are not in the manifest yet. */
    private void journalJobs() {
        try {
            live.forEach(Attempt::journalJobs);
        } catch (UncheckedIOException e) {
            if (warned.add(e.getMessage())) {
                io.error(e.getMessage());
            }
        }
    }

    /** Why a job owed by an earlier run cannot be collected with the line as it is now, or null. */
    private String mismatch(BatchFile.Unit u, ManifestRecord pending) {
        if (pending.provider() != null && !pending.provider().equals(client.providerId())) {
            return u.label() + " was submitted to provider " + pending.provider() + " as job " + pending.job()
                    + "; run again with --provider " + pending.provider() + " to collect it";
        }
        if (!u.fingerprint().equals(pending.fingerprint())) {
            return u.label() + " was changed after it was submitted as job " + pending.job() + "; restore the line "
                    + "to collect that job";
        }
        return null;
    }

    /**
     * The request of one unit, with its reference images read now: the seed the manifest recorded when resuming,
     * else one fixed now.
     */
    private GenerationRequest requestFor(BatchFile.Unit u, ManifestRecord pending) {
        GenerationRequest r = u.withImages();
        if (pending != null) {
            return r.withSeed(pending.seed() == null ? null : Seed.of(pending.seed()));
        }
        if (!client.capabilities().seed()) {
            return r;
        }
        // fixed now, so the manifest can rebuild exactly this request to resume its job
        return r.withSeed(r.seed().orElseGet(Seed::random));
    }

    private void settle(Attempt a, GenerationResult r, Throwable e) {
        a.settle();
        live.remove(a);
        try {
            if (r != null) {
                done(a, r);
            } else {
                failed(a, Billing.unwrap(e));
            }
        } finally {
            sheet.update(false);
        }
    }

    private void done(Attempt a, GenerationResult r) {
        List<String> warnings = new ArrayList<>();
        r.warnings().forEach(w -> {
            warnings.add(w.toString());
            warnOnce(w);
        });
        Charge charge = r.charge();
        Money money = Money.of(charge);
        if (!Billing.plausible(charge, a.estimate)) {
            Warning w = Warning.of("cost-unknown", "provider " + r.providerId() + " reported " + charge.cost()
                    + " for " + a.unit.label() + ", more than " + Billing.IMPLAUSIBLE_FACTOR + " times the estimate "
                    + a.estimate + "; the image is kept and its cost recorded as unknown");
            io.warn(w.toString());
            warnings.add(w.toString());
            charge = null;
            money = Money.unknown();
        }
        List<String> files = new ArrayList<>();
        r.images().forEach(img -> img.file().ifPresent(p -> files.add(p.toString())));
        manifest.append(ManifestRecord.of(a.unit, Status.DONE).withProvider(r.providerId(), null)
                .withResult(r.jobIds(), r.seed().map(Seed::value).orElse(null), money, files,
                        r.image().resolution().toString(), warnings, a.resumeJob != null));
        ledger.done(a.reserved, charge, a.estimate, a.resumeJob != null);
    }

    /**
     * A generation failed; the client wrote nothing for it. Its reservation stays unless the provider surely did not
     * accept it.
     */
    private void failed(Attempt a, Throwable t) {
        String message = t instanceof SeedreamException ? t.getMessage()
                : "unexpected " + t.getClass().getName() + ": " + t.getMessage() + "; this is a bug, please report it";
        List<String> jobs = a.jobs();
        boolean billed = !Billing.surelyNotAccepted(t, !jobs.isEmpty());
        String job = !jobs.isEmpty() ? jobs.get(0) : Billing.jobOf(t).orElse(a.resumeJob);
        io.error(options.file() + " " + a.unit.label() + ": " + message
                + (billed ? " (the provider may have billed it; it counts against --max-cost)" : ""));
        manifest.append(ManifestRecord.of(a.unit, Status.FAILED).withProvider(client.providerId(), job)
                .withError(Text.prefix(message, 1000), billed));
        ledger.failed(a.reserved, a.estimate, billed);
    }

    private void failUnsent(BatchFile.Unit u, String message, String job) {
        io.error(options.file() + " " + u.label() + ": " + message);
        manifest.append(ManifestRecord.of(u, Status.FAILED).withProvider(client.providerId(), job)
                .withError(Text.prefix(message, 1000), false));
        ledger.failedUnsent();
        sheet.update(false);
    }

    private void changed(BatchFile.Unit u, String message) {
        io.error(options.file() + " " + u.label() + ": " + message);
        ledger.changed();
    }

    private void skip(BatchFile.Unit u) {
        manifest.append(ManifestRecord.of(u, Status.SKIPPED).withReason("budget"));
        ledger.skipped();
    }

    private void warnOnce(Warning w) {
        if (warned.add(w.toString())) {
            io.warn(w.toString());
        }
    }

    private static String files(ManifestRecord done) {
        return done.files() == null || done.files().isEmpty() ? done.name()
                : String.join(", ", done.files().stream().map(f -> Path.of(f).getFileName().toString()).toList());
    }
}
