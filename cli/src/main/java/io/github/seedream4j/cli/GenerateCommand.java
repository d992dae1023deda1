package io.github.seedream4j.cli;

import io.github.seedream4j.Charge;
import io.github.seedream4j.Cost;
import io.github.seedream4j.GeneratedImage;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.ImageDestination;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.Warning;
import io.github.seedream4j.cli.ManifestRecord.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code seedream generate}: one request, its images written to files or to standard output. */
final class GenerateCommand implements Callable<Integer> {

    private static final String[] DESCRIPTION = {"Generate images from a prompt and write them to files (atomically; "
            + "never overwriting unless --force), or with --out - to standard output.", ""};
    private static final String[] FOOTER = {"%nExamples:",
            "  seedream generate \"a lighthouse at dawn\" --provider fake --size 2K --aspect 16:9 \\",
            "      --seed 7 --out lighthouse.png",
            "  seedream generate \"a red fox\" --provider fake -n 3 --out fox.png   # fox-1.png, fox-2.png, fox-3.png",
            "  seedream generate \"a red fox\" --provider fake --size 1K --out - | display",
            "  seedream generate \"put the hat on the cat\" --image cat.png --image hat.png --provider fake \\",
            "      --out edited.png",
            "  seedream generate \"a fox's day, four panels\" --model 4.5 --max-images 4 --provider fake \\",
            "      --out story/fox.png   # story/fox-1.png ... as many as the model makes",
            "  SEEDREAM_PROVIDER=fake seedream generate \"a red fox\" --size 2048x1536 --json --out fox.png",
            "  seedream generate \"a red fox\" --provider runpod --set api-key=@runpod.key --size 4K --strict",
            ExitCodes.FOOTER};

    private final Io io;
    private final PositionalParamSpec prompt = Specs.parameter("0", "1", "PROMPT", String.class,
            "What to draw (quote it).");
    private final OptionSpec out = Specs.option("FILE", String.class,
            "Output file; with -n or --max-images above 1, FILE-1, FILE-2, ... The extension follows the real format. "
                    + "- writes the image to standard output (not to a terminal). "
                    + "Default: seedream-<date>-<time>.png in the current directory.", "-o", "--out");
    private final OptionSpec force = Specs.flag("Overwrite existing files.", "-f", "--force");
    private final OptionSpec json = Specs.flag(
            "Print the result as one JSON object on stdout (schema 1, see the README).", "--json");
    private final RequestOptions request = new RequestOptions();
    private final ClientOptions client = new ClientOptions();
    private final CommonOptions common;

    GenerateCommand(Io io) {
        this.io = io;
        this.common = new CommonOptions(io);
    }

    /** The command's model, bound to this instance. */
    CommandSpec spec() {
        CommandSpec spec = Specs.command(this, "generate", false, DESCRIPTION, FOOTER);
        spec.addPositional(prompt);
        spec.addOption(out);
        spec.addOption(force);
        spec.addOption(json);
        request.addTo(spec);
        client.addTo(spec);
        common.addTo(spec);
        return Specs.standardHelp(spec);
    }

    /**
     * The result as the CLI reports it; {@code charge} null when the cost is unknown, {@code maxImages} null for
     * independent images.
     */
    record Outcome(String provider, SeedreamModel model, Integer maxImages, List<String> references,
            List<GeneratedImage> images, Charge charge, Outputs.Timings timings, List<Warning> warnings,
            List<String> jobIds) {
    }

    @Override
    public Integer call() {
        GenerationRequest req = request.build(prompt.getValue());
        String out = this.out.getValue();
        boolean force = Specs.on(this.force);
        boolean json = Specs.on(this.json);
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
            if (req.outputs() > 1) {
                throw new UsageException("--out - writes one image, and --max-images asks for a set of up to "
                        + req.outputs() + "; give --out FILE for the set's files");
            }
            if (json) {
                throw new UsageException("--json and --out - both write to standard output; choose one");
            }
        }
        OutputTarget target = toStdout ? null : OutputTarget.of(out != null ? out
                : "seedream-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try (SeedreamClient c = client.open(io, io.verbose ? new VerboseListener(io) : null)) {
            List<Warning> early = c.validate(req);
            Strictness.check(client.strict(), c.providerId(), early);
            if (target != null && !force) {
                target.existing(OutputTarget.files(c.capabilities(), req)).ifPresent(f -> {
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
            ImageDestination destination = target == null ? ImageDestination.memory()
                    : ImageDestination.directory(target.directory(), target.baseName(), force);
            // the blocking call: without a listener the result is handed over where it is decided, no event thread
            GenerationResult result = c.generate(req, destination);
            Outcome o = outcome(result, req.model().orElse(c.capabilities().defaultModel().model()), estimate);
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

    private static Outcome outcome(GenerationResult r, SeedreamModel model, Cost estimate) {
        List<Warning> warnings = new ArrayList<>(r.warnings());
        Charge charge = r.charge();
        if (!Billing.plausible(charge, estimate)) {
            warnings.add(Warning.of("cost-unknown", "provider " + r.providerId() + " reported " + charge.cost()
                    + ", more than " + Billing.IMPLAUSIBLE_FACTOR + " times the estimate " + estimate
                    + "; the cost is shown as unknown"));
            charge = null;
        }
        GenerationRequest req = r.request();
        return new Outcome(r.providerId(), model, req.maxImages().isPresent() ? req.maxImages().getAsInt() : null,
                req.images().stream().map(i -> Text.line(i.origin())).toList(), r.images(), charge,
                new Outputs.Timings(r.timings().total().toMillis(), r.timings().download().toMillis(),
                        r.timings().queue().map(Duration::toMillis).orElse(null),
                        r.timings().execution().map(Duration::toMillis).orElse(null)), warnings, r.jobIds());
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
        lines.add("provider " + o.provider() + ", model " + o.model()
                + (o.maxImages() == null ? "" : ", a set of " + o.images().size() + " of up to " + o.maxImages())
                + (o.references().isEmpty() ? "" : ", " + o.references().size() + " reference image(s)")
                + ", cost " + (o.charge() == null ? "unknown" : o.charge().toString())
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
                o.timings(), o.warnings().stream().map(Outputs.WarningJson::of).toList(), o.jobIds(),
                o.model().label(), o.maxImages(), o.references());
    }
}
