package io.github.seedream4j.cli;

import io.github.seedream4j.Charge;
import io.github.seedream4j.CostEstimator;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.Warning;
import io.github.seedream4j.cli.ManifestRecord.Money;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code seedream estimate}: the price of a request or a batch file, validated as generate would, sending nothing. */
final class EstimateCommand implements Callable<Integer> {

    private static final String[] DESCRIPTION = {
            "Estimate what a request or a batch file would cost, without sending anything.", "",
            "Requests are validated exactly as generate validates them, so an estimate that succeeds is a request the "
                    + "provider will be sent. The provider is not created: no API key is needed.", ""};
    private static final String[] FOOTER = {"%nExamples:",
            "  seedream estimate \"a lighthouse at dawn\" --provider runpod --size 4K",
            "  seedream estimate --batch prompts.jsonl --provider fake --set price=0.03/image",
            "  seedream estimate \"a fox's day, four panels\" --provider fake --model 4.5 --max-images 4 \\",
            "      --set price=0.03/image   # 0.03 USD to 0.12 USD: the model makes 1 to 4 images",
            ExitCodes.FOOTER};

    private final Io io;
    private final PositionalParamSpec prompt = Specs.parameter("0", "0..1", "PROMPT", String.class,
            "What to draw (quote it).");
    private final OptionSpec batchFile = Specs.option("FILE", Path.class,
            "Estimate every line of a batch file instead.", "--batch");
    private final OptionSpec jsonFlag = Specs.flag(
            "Print the estimate as one JSON object on stdout (schema 1, see the README).", "--json");
    private final RequestOptions request = new RequestOptions();
    private final ClientOptions client = new ClientOptions();
    private final CommonOptions common;

    EstimateCommand(Io io) {
        this.io = io;
        this.common = new CommonOptions(io);
    }

    /** The command's model, bound to this instance. */
    CommandSpec spec() {
        CommandSpec spec = Specs.command(this, "estimate", false, DESCRIPTION, FOOTER);
        spec.addPositional(prompt);
        spec.addOption(batchFile);
        spec.addOption(jsonFlag);
        request.addTo(spec);
        client.addTo(spec);
        common.addTo(spec);
        return Specs.standardHelp(spec);
    }

    @Override
    public Integer call() {
        String prompt = this.prompt.getValue();
        Path batch = batchFile.getValue();
        boolean json = Specs.on(jsonFlag);
        if ((prompt == null) == (batch == null)) {
            throw new UsageException("give either a PROMPT or --batch FILE (see: seedream estimate --help)");
        }
        if (batch != null) {
            return estimateBatch(batch, json);
        }
        GenerationRequest req = request.build(prompt);
        CostEstimator c = client.estimator(io);
        List<Warning> warnings = c.validate(req);
        Strictness.check(client.strict(), c.providerId(), warnings);
        warnings.forEach(w -> io.warn(w.toString()));
        Priced p = price(c, req);
        if (json) {
            io.printJson(Jsons.MAPPER.writeValueAsString(new Outputs.Estimated(Outputs.SCHEMA, c.providerId(),
                    c.capabilities().pricing().toString(), Money.of(p.most()), p.images(), List.of(p.json(null)),
                    List.of(), Money.of(p.least()), Money.of(p.most()))));
            return ExitCodes.OK;
        }
        io.println("estimate: " + p.cost() + " for " + (p.set() ? "a sequential set of 1 to " + p.images()
                : p.images()) + " image(s) of " + p.pixels() + " on provider " + c.providerId() + " (priced at "
                + c.capabilities().pricing() + "; nothing was sent)");
        return ExitCodes.OK;
    }

    /**
     * One request, priced: the most it can cost and the least, which differ for a sequential set (the model may
     * make one image of it).
     */
    private record Priced(Charge least, Charge most, int images, boolean set, String pixels) {
        /** The cost as text: one amount, or a set's range. */
        String cost() {
            return set ? least.cost() + " to " + most.cost() : most.cost().toString();
        }

        Outputs.EstimateLine json(Integer line) {
            return new Outputs.EstimateLine(line, images, pixels, Money.of(most), Money.of(least), Money.of(most));
        }
    }

    private static Priced price(CostEstimator c, GenerationRequest req) {
        boolean set = OutputTarget.makesSet(c.capabilities(), req);
        return new Priced(c.estimateLeast(req), c.estimate(req), set ? req.outputs() : req.count(), set,
                req.size().resolution().toString());
    }

    private int estimateBatch(Path batch, boolean json) {
        BatchFile.Contents contents = BatchFile.read(batch);
        List<String> errors = new ArrayList<>();
        List<Charge> least = new ArrayList<>();
        List<Charge> most = new ArrayList<>();
        List<Outputs.EstimateLine> lines = new ArrayList<>();
        int images = 0;
        boolean anySet = false;
        CostEstimator c = client.estimator(io);
        for (BatchFile.Line line : contents.lines()) {
            String error = line.error();
            if (error == null) {
                try {
                    GenerationRequest req = line.withImages();
                    Strictness.check(client.strict(), c.providerId(), c.validate(req));
                    Priced p = price(c, req);
                    least.add(p.least());
                    most.add(p.most());
                    images += p.images();
                    anySet |= p.set();
                    lines.add(p.json(line.number()));
                    if (!json) {
                        io.println("line " + line.number() + ": " + p.cost() + " (" + (p.set() ? "set of 1 to " : "")
                                + p.images() + " x " + p.pixels() + ")");
                    }
                } catch (SeedreamException | UsageException e) {
                    error = e.getMessage();
                }
            }
            if (error != null) {
                String message = batch + " line " + line.number() + ": " + Text.prefix(error, 400);
                errors.add(Text.line(message));
                io.error(message);
            }
        }
        Charge max = most.isEmpty() ? null : Charge.sum(most);
        Charge min = least.isEmpty() ? null : Charge.sum(least);
        if (json) {
            io.printJson(Jsons.MAPPER.writeValueAsString(new Outputs.Estimated(Outputs.SCHEMA, c.providerId(),
                    c.capabilities().pricing().toString(), max == null ? null : Money.of(max), images, lines,
                    errors, min == null ? null : Money.of(min), max == null ? null : Money.of(max))));
        } else {
            String total = max == null ? "0" : anySet ? min.cost() + " to " + max.cost() : max.cost().toString();
            io.println("estimate: " + total + " for " + most.size() + " line(s) on provider " + c.providerId()
                    + (errors.isEmpty() ? "" : "; " + errors.size() + " line(s) invalid") + " (nothing was sent)");
        }
        return errors.isEmpty() ? ExitCodes.OK : ExitCodes.BATCH_INCOMPLETE;
    }
}
