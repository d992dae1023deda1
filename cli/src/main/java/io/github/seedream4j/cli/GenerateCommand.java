package io.github.seedream4j.cli;

import io.github.seedream4j.Charge;
import io.github.seedream4j.Cost;
import io.github.seedream4j.GeneratedImage;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.ImageDestination;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.Warning;
import io.github.seedream4j.cli.ManifestRecord.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate images from a prompt and write them to files (atomically; never overwriting unless "
                + "--force), or with --out - to standard output.", ""},
        footer = {"%nExamples:",
                "  seedream generate \"a lighthouse at dawn\" --provider fake --size 2K --aspect 16:9 \\",
                "      --seed 7 --out lighthouse.png",
                "  seedream generate \"a red fox\" --provider fake -n 3 --out fox.png   # fox-1.png, fox-2.png, fox-3.png",
                "  seedream generate \"a red fox\" --provider fake --size 1K --out - | display",
                "  SEEDREAM_PROVIDER=fake seedream generate \"a red fox\" --size 2048x1536 --json --out fox.png",
                "  seedream generate \"a red fox\" --provider runpod --set api-key=@runpod.key --size 4K --strict",
                ExitCodes.FOOTER})
final class GenerateCommand implements Callable<Integer> {

    private final Io io;

    @Parameters(index = "0", paramLabel = "PROMPT", description = "What to draw (quote it).")
    String prompt;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Output file; with -n > 1, FILE-1, FILE-2, ... The extension follows the real format. "
                    + "- writes the image to standard output (not to a terminal). "
                    + "Default: seedream-<date>-<time>.png in the current directory.")
    String out;

    @Option(names = {"-f", "--force"}, description = "Overwrite existing files.")
    boolean force;

    @Option(names = "--json", description = "Print the result as one JSON object on stdout (schema 1, see the README).")
    boolean json;

    @Mixin
    final RequestOptions request = new RequestOptions();
    @Mixin
    final ClientOptions client = new ClientOptions();
    @Mixin
    final CommonOptions common;

    GenerateCommand(Io io) {
        this.io = io;
        this.common = new CommonOptions(io);
    }

    /** What the client reported before the result: the images it saved, the provider's job ids. */
    private static final class Seen implements Generator.Progress {
        final List<GeneratedImage> saved = new CopyOnWriteArrayList<>();
        final List<String> jobs = new CopyOnWriteArrayList<>();

        @Override
        public void accepted(String jobId) {
            jobs.add(jobId);
        }

        @Override
        public void saved(GeneratedImage image) {
            saved.add(image);
        }
    }

    /** The result as the CLI reports it; {@code charge} null when the cost is unknown. */
    record Outcome(String provider, List<GeneratedImage> images, Charge charge, Outputs.Timings timings,
            List<Warning> warnings, List<String> jobIds) {
    }

    @Override
    public Integer call() {
        GenerationRequest req = request.build(prompt);
        boolean toStdout = "-".equals(out);
        if (toStdout) {
            if (io.outIsTerminal()) {
                throw new UsageException("--out - writes the image's bytes to standard output, which is a terminal; "
                        + "redirect it (--out - > fox.png) or pipe it (--out - | display), or give --out FILE");
            }
            if (req.count() > 1) {
                throw new UsageException("--out - writes one image, and -n asks for " + req.count() + "; use -n 1, or "
                        + "--out FILE for several");
            }
            if (json) {
                throw new UsageException("--json and --out - both write to standard output; choose one");
            }
        }
        OutputTarget target = toStdout ? null : OutputTarget.of(out != null ? out
                : "seedream-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        ClientGenerator generator = new ClientGenerator();
        try (SeedreamClient c = client.open(io, generator, io.verbose ? new VerboseListener(io) : null)) {
            generator.bind(c);
            List<Warning> early = c.validate(req);
            Strictness.check(client.strict, c.providerId(), early);
            if (target != null && !force) {
                target.existing(req.count()).ifPresent(f -> {
                    throw new UsageException("file " + f + " already exists; pass --force to overwrite it, or choose "
                            + "another --out");
                });
            }
            Set<String> shown = new LinkedHashSet<>();
            for (Warning w : early) {
                if (shown.add(w.toString())) {
                    io.warn(w.toString());
                }
            }
            Cost estimate = c.estimate(req).cost();
            Seen seen = new Seen();
            ImageDestination destination = target == null ? ImageDestination.memory()
                    : ImageDestination.directory(target.directory(), target.baseName(), force);
            long started = System.nanoTime();
            Outcome o;
            try {
                o = outcome(generator.start(req, destination, null, seen).join(), estimate);
            } catch (CompletionException e) {
                Throwable t = Billing.unwrap(e);
                o = salvage(c.providerId(), req, seen, t, Duration.ofNanos(System.nanoTime() - started));
            }
            for (Warning w : o.warnings()) {
                if (shown.add(w.toString())) {
                    io.warn(w.toString());
                }
            }
            if (toStdout) {
                writeToStdout(o.images().get(0));
                summary(o, true);
            } else if (json) {
                io.printJson(Jsons.MAPPER.writeValueAsString(toJson(o)));
            } else {
                summary(o, false);
            }
            return ExitCodes.OK;
        }
    }

    private static Outcome outcome(GenerationResult r, Cost estimate) {
        List<Warning> warnings = new ArrayList<>(r.warnings());
        Charge charge = r.charge();
        if (!Billing.plausible(charge, estimate)) {
            warnings.add(Warning.of("cost-unknown", "provider " + r.providerId() + " reported " + charge.cost()
                    + ", more than " + Billing.IMPLAUSIBLE_FACTOR + " times the estimate " + estimate
                    + "; the cost is shown as unknown"));
            charge = null;
        }
        return new Outcome(r.providerId(), r.images(), charge, new Outputs.Timings(r.timings().total().toMillis(),
                r.timings().download().toMillis(), r.timings().queue().map(Duration::toMillis).orElse(null),
                r.timings().execution().map(Duration::toMillis).orElse(null)), warnings, r.jobIds());
    }

    /**
     * Every image asked for was fetched, checked and written, so it was paid for, but what the provider reported
     * after it could not be used (a negative or unreadable cost, say): the images are kept, the cost is unknown.
     * Otherwise the failure stands.
     */
    private static Outcome salvage(String provider, GenerationRequest req, Seen seen, Throwable t, Duration took) {
        boolean all = seen.saved.size() == req.count()
                && seen.saved.stream().allMatch(i -> i.file().map(Files::exists).orElse(true));
        if (!all) {
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            throw (Error) t;
        }
        String why = t instanceof SeedreamException ? t.getMessage() : t.getClass().getName() + ": " + t.getMessage();
        Warning w = Warning.of("cost-unknown", "the image was saved, but what provider " + provider + " reported "
                + "after it could not be used (" + Text.prefix(why, 300) + "); the image is kept and its cost is unknown");
        return new Outcome(provider, List.copyOf(seen.saved), null, new Outputs.Timings(took.toMillis(), null, null,
                null), List.of(w), List.copyOf(seen.jobs));
    }

    private void writeToStdout(GeneratedImage image) {
        OutputStream stdout = io.binaryOut();
        try (InputStream in = image.openStream()) {
            in.transferTo(stdout);
            stdout.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the image to standard output: " + e.getMessage(), e);
        }
    }

    /** The summary: on stdout, or on stderr when stdout carries the image. */
    private void summary(Outcome o, boolean toStderr) {
        List<String> lines = new ArrayList<>();
        for (GeneratedImage img : o.images()) {
            lines.add("wrote " + img.file().map(p -> p.normalize().toString()).orElse("(standard output)") + "  "
                    + img.resolution() + "  " + img.format().extension() + "  " + img.byteSize() + " bytes"
                    + img.seed().map(s -> "  seed " + s).orElse(""));
        }
        lines.add("provider " + o.provider() + ", cost " + (o.charge() == null ? "unknown" : o.charge().toString())
                + (o.timings().totalMs() == null ? "" : ", took " + o.timings().totalMs() + " ms")
                + (o.jobIds().isEmpty() ? "" : ", job " + String.join(", ", o.jobIds())));
        for (String line : lines) {
            if (toStderr) {
                io.errLine("seedream: " + line);
            } else {
                io.println(line);
            }
        }
    }

    /** The machine-readable result; the fields are documented in the README. */
    static Outputs.Generated toJson(Outcome o) {
        List<String> files = new ArrayList<>();
        List<Outputs.Image> images = new ArrayList<>();
        for (GeneratedImage img : o.images()) {
            String file = img.file().map(Object::toString).orElse(null);
            files.add(file);
            images.add(new Outputs.Image(file, img.resolution().width(), img.resolution().height(),
                    img.resolution().toString(), img.format().extension(), img.byteSize(),
                    img.seed().map(s -> s.value()).orElse(null)));
        }
        GeneratedImage first = o.images().get(0);
        return new Outputs.Generated(Outputs.SCHEMA, o.provider(), files, images, first.resolution().toString(),
                first.seed().map(s -> s.value()).orElse(null), o.charge() == null ? Money.unknown() : Money.of(o.charge()),
                o.timings(), o.warnings().stream().map(Outputs.WarningJson::of).toList(), o.jobIds());
    }
}
