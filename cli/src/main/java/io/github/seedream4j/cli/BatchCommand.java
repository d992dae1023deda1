package io.github.seedream4j.cli;

import io.github.seedream4j.Cost;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.cli.ManifestRecord.Money;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** The command-line face of {@link BatchRunner}: options in, summary out. */
final class BatchCommand implements Callable<Integer> {

    private static final String[] DESCRIPTION = {"Generate every line of a JSONL file, resumably.", "",
            "Each line is a JSON object: {\"prompt\": \"...\"} plus optional \"id\", \"negative\", \"size\", "
                    + "\"aspect\", \"seed\", \"n\", \"enhance\", \"safety\", \"images\" (reference files, relative "
                    + "to FILE, or URLs), \"model\" (4.0, 4.5, 5.0-lite) and \"max_images\" (a sequential set). Images "
                    + "go to DIR as <id>.png, or line-<N>.png (with -1, -2, ... when n or max_images is above 1).", "",
            "DIR/manifest.jsonl records every submission, with the provider's job id, before the result arrives, "
                    + "and every result; DIR/index.html shows every image with its prompt. Running the same "
                    + "command again skips images already done and resumes jobs the provider accepted earlier "
                    + "instead of paying for them again: a killed batch loses no paid image. Lines that failed "
                    + "are submitted again; a line edited since its image was made is reported, not redone. Only "
                    + "one batch at a time may use DIR.", ""};
    private static final String[] FOOTER = {"%nExamples:",
            "  seedream batch prompts.jsonl --out images/ --provider fake",
            "  seedream batch prompts.jsonl --out images/ --provider runpod --concurrency 4 --max-cost 2.50",
            "",
            "  prompts.jsonl:",
            "    {\"id\": \"fox\", \"prompt\": \"a red fox in snow\", \"size\": \"2K\", \"aspect\": \"16:9\", \"seed\": 7}",
            "    {\"prompt\": \"a lighthouse at dawn\", \"n\": 2, \"negative\": \"people\"}",
            "    {\"id\": \"hat\", \"prompt\": \"put the hat on the cat\", \"images\": [\"cat.png\", \"hat.png\"]}",
            "    {\"id\": \"story\", \"prompt\": \"a fox's day, four panels\", \"model\": \"4.5\", \"max_images\": 4}",
            ExitCodes.FOOTER};

    private final Io io;
    private final PositionalParamSpec file = Specs.parameter("0", "1", "FILE", Path.class,
            "The batch file, one JSON object per line.");
    private final OptionSpec out = OptionSpec.builder("-o", "--out").paramLabel("DIR").type(Path.class).required(true)
            .description("Directory for the images, manifest.jsonl and index.html (created when missing).").build();
    private final OptionSpec concurrency = OptionSpec.builder("-c", "--concurrency").paramLabel("N").type(int.class)
            .defaultValue("2").description("How many generations run at once, 1 to 64 (default: ${DEFAULT-VALUE}).")
            .build();
    private final OptionSpec maxCost = Specs.option("AMOUNT", String.class,
            "Budget for this run in US dollars (e.g. 2.50). Every job the provider may bill counts; the batch stops "
                    + "submitting when the next line could exceed it.", "--max-cost");
    private final OptionSpec force = Specs.flag("Overwrite image files that already exist, and generate again lines "
            + "whose request changed since they were recorded (paying again).", "-f", "--force");
    private final OptionSpec progress = OptionSpec.builder("--progress").paramLabel("WHEN").type(Progress.Mode.class)
            .defaultValue("auto").description("auto (a bar on a terminal, else a key=value record every 5 s), bar, "
                    + "lines or none (default: ${DEFAULT-VALUE}).").build();
    private final OptionSpec json = Specs.flag(
            "Print the summary as one JSON object on stdout (schema 1, see the README).", "--json");
    private final ClientOptions client = new ClientOptions();
    private final CommonOptions common;

    BatchCommand(Io io) {
        this.io = io;
        this.common = new CommonOptions(io);
    }

    /** The command's model, bound to this instance. */
    CommandSpec spec() {
        CommandSpec spec = Specs.command(this, "batch", false, DESCRIPTION, FOOTER);
        spec.addPositional(file);
        for (OptionSpec o : List.of(out, concurrency, maxCost, force, progress, json)) {
            spec.addOption(o);
        }
        client.addTo(spec);
        common.addTo(spec);
        return Specs.standardHelp(spec);
    }

    @Override
    public Integer call() throws InterruptedException {
        int concurrency = this.concurrency.getValue();
        String maxCost = this.maxCost.getValue();
        if (concurrency < 1 || concurrency > 64) {
            throw new UsageException("--concurrency " + concurrency + " is out of range: use 1 to 64");
        }
        Cost budget = maxCost == null ? null : parseBudget(maxCost);
        BatchRunner.Options options = new BatchRunner.Options(file.getValue(), out.getValue(), concurrency, budget,
                Specs.on(force), client.strict(), progress.getValue(), Duration.ofSeconds(5));
        BatchRunner.Summary s;
        try (SeedreamClient c = client.open(io, io.verbose ? new VerboseListener(io) : null)) {
            s = new BatchRunner(options, io, c).run();
        }
        print(s);
        return s.exitCode();
    }

    private void print(BatchRunner.Summary s) {
        Ledger.Totals t = s.totals();
        if (Specs.on(json)) {
            io.printJson(Jsons.MAPPER.writeValueAsString(new Outputs.Batch(Outputs.SCHEMA, s.file().toString(),
                    t.total(), t.done(), t.earlier(), t.resumed(), t.failed(), t.skipped(), t.changed(),
                    money(t.reported(), "reported"), money(t.estimated(), "estimated"), t.unknownCost(), t.lost(),
                    money(t.lostEstimate(), "estimated"), s.wall().toMillis(), s.manifest().toString(),
                    s.contactSheet().toString(), s.exitCode())));
            return;
        }
        StringBuilder line = new StringBuilder("batch ").append(s.file()).append(": ").append(t.done()).append(" done");
        if (t.earlier() > 0) {
            line.append(" (+").append(t.earlier()).append(" earlier)");
        }
        if (t.resumed() > 0) {
            line.append(", ").append(t.resumed()).append(" resumed");
        }
        line.append(", ").append(t.failed()).append(" failed, ").append(t.skipped()).append(" skipped");
        if (t.changed() > 0) {
            line.append(", ").append(t.changed()).append(" changed");
        }
        line.append("; cost ").append(t.reported()).append(" reported + ").append(t.estimated()).append(" estimated");
        if (t.unknownCost() > 0) {
            line.append(" + unknown for ").append(t.unknownCost()).append(" image(s) (estimated ")
                    .append(t.unknownEstimate()).append(")");
        }
        if (t.lost() > 0) {
            line.append("; ").append(t.lost()).append(" image(s) may have been billed but were not saved (estimated ")
                    .append(t.lostEstimate()).append(")");
        }
        line.append(String.format(java.util.Locale.ROOT, "; %.1f s; manifest %s; contact sheet %s",
                s.wall().toMillis() / 1000.0, s.manifest(), s.contactSheet()));
        io.println(line.toString());
    }

    private static Money money(Cost cost, String basis) {
        return new Money(cost.amount(), cost.currency().getCurrencyCode(), basis);
    }

    private static Cost parseBudget(String text) {
        try {
            return Cost.usd(text);
        } catch (SeedreamException e) {
            throw new UsageException("--max-cost " + Text.quote(text) + " is not an amount: use a decimal number such "
                    + "as 2.50");
        }
    }
}
