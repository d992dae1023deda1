package io.github.seedream4j.cli;

import io.github.seedream4j.GeneratedImage;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.ImageDestination;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.Warning;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate images from a prompt and write them to files (atomically; never overwriting unless --force).", ""},
        footer = {"%nExamples:",
                "  seedream generate \"a lighthouse at dawn\" --provider fake --size 2K --aspect 16:9 \\",
                "      --seed 7 --out lighthouse.png",
                "  seedream generate \"a red fox\" --provider fake -n 3 --out fox.png   # fox-1.png, fox-2.png, fox-3.png",
                "  SEEDREAM_PROVIDER=fake seedream generate \"a red fox\" --size 2048x1536 --json --out fox.png",
                "  RUNPOD_API_KEY=... seedream generate \"a red fox\" --provider runpod --size 4K --strict --verbose",
                ExitCodes.FOOTER})
final class GenerateCommand implements Callable<Integer> {

    private final Io io;

    @Parameters(index = "0", paramLabel = "PROMPT", description = "What to draw (quote it).")
    String prompt;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Output file; with -n > 1, FILE-1, FILE-2, ... The extension follows the real format. "
                    + "Default: seedream-<date>-<time>.png in the current directory.")
    String out;

    @Option(names = {"-f", "--force"}, description = "Overwrite existing files.")
    boolean force;

    @Option(names = "--json", description = "Print the result as one JSON object on stdout.")
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

    @Override
    public Integer call() {
        GenerationRequest req = request.build(prompt);
        OutputTarget target = OutputTarget.of(out != null ? out
                : "seedream-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try (SeedreamClient c = client.open(io.verbose ? new VerboseListener(io) : null)) {
            List<Warning> early = c.validate(req);
            early.forEach(w -> io.warn(w.toString()));
            if (!force) {
                target.existing(req.count()).ifPresent(f -> {
                    throw new UsageException("file " + f + " already exists; pass --force to overwrite it, or choose "
                            + "another --out");
                });
            }
            GenerationResult r = c.generate(req, ImageDestination.directory(target.directory(), target.baseName(), force));
            Set<Warning> shown = new HashSet<>(early);
            for (Warning w : r.warnings()) {
                if (shown.add(w)) {
                    io.warn(w.toString());
                }
            }
            if (json) {
                io.out.println(Json.write(toJson(r)));
            } else {
                printSummary(r);
            }
            io.out.flush();
            return ExitCodes.OK;
        }
    }

    private void printSummary(GenerationResult r) {
        for (GeneratedImage img : r.images()) {
            io.out.println("wrote " + img.file().map(p -> p.normalize().toString()).orElse("(memory)") + "  " + img.resolution()
                    + "  " + img.format().extension() + "  " + img.byteSize() + " bytes"
                    + img.seed().map(s -> "  seed " + s).orElse(""));
        }
        io.out.println("provider " + r.providerId() + ", cost " + r.charge() + ", took "
                + r.timings().total().toMillis() + " ms" + (r.jobIds().isEmpty() ? "" : ", job " + String.join(", ", r.jobIds())));
    }

    /** The machine-readable result; the field names are documented in the README. */
    static Map<String, Object> toJson(GenerationResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", r.providerId());
        List<Object> files = new ArrayList<>();
        List<Object> images = new ArrayList<>();
        for (GeneratedImage img : r.images()) {
            String file = img.file().map(Object::toString).orElse(null);
            files.add(file);
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("file", file);
            i.put("width", img.resolution().width());
            i.put("height", img.resolution().height());
            i.put("pixels", img.resolution().toString());
            i.put("format", img.format().extension());
            i.put("bytes", img.byteSize());
            i.put("seed", img.seed().map(s -> (Object) s.value()).orElse(null));
            images.add(i);
        }
        m.put("files", files);
        m.put("images", images);
        m.put("pixels", r.image().resolution().toString());
        m.put("seed", r.seed().map(s -> (Object) s.value()).orElse(null));
        m.put("cost", cost(r.charge()));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("totalMs", r.timings().total().toMillis());
        t.put("downloadMs", r.timings().download().toMillis());
        t.put("queueMs", r.timings().queue().map(d -> (Object) d.toMillis()).orElse(null));
        t.put("executionMs", r.timings().execution().map(d -> (Object) d.toMillis()).orElse(null));
        m.put("timings", t);
        List<Object> warnings = new ArrayList<>();
        for (Warning w : r.warnings()) {
            Map<String, Object> wm = new LinkedHashMap<>();
            wm.put("code", w.code());
            wm.put("message", w.message());
            warnings.add(wm);
        }
        m.put("warnings", warnings);
        m.put("jobIds", r.jobIds());
        return m;
    }

    static Map<String, Object> cost(io.github.seedream4j.Charge charge) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("amount", charge.cost().amount());
        c.put("currency", charge.cost().currency().getCurrencyCode());
        c.put("basis", charge.isEstimated() ? "estimated" : "reported");
        return c;
    }
}
