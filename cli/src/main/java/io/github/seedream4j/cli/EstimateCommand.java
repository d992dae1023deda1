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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "estimate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Estimate what a request or a batch file would cost, without sending anything.", "",
                "Requests are validated exactly as generate validates them, so an estimate that succeeds is a "
                        + "request the provider will be sent. The provider is not created: no API key is needed.", ""},
        footer = {"%nExamples:",
                "  seedream estimate \"a lighthouse at dawn\" --provider runpod --size 4K",
                "  seedream estimate --batch prompts.jsonl --provider fake --set price=0.03/image",
                ExitCodes.FOOTER})
final class EstimateCommand implements Callable<Integer> {

    private final Io io;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROMPT", description = "What to draw (quote it).")
    String prompt;

    @Option(names = "--batch", paramLabel = "FILE", description = "Estimate every line of a batch file instead.")
    Path batch;

    @Option(names = "--json", description = "Print the estimate as one JSON object on stdout (schema 1, see the README).")
    boolean json;

    @Mixin
    final RequestOptions request = new RequestOptions();
    @Mixin
    final ClientOptions client = new ClientOptions();
    @Mixin
    final CommonOptions common;

    EstimateCommand(Io io) {
        this.io = io;
        this.common = new CommonOptions(io);
    }

    @Override
    public Integer call() {
        if ((prompt == null) == (batch == null)) {
            throw new UsageException("give either a PROMPT or --batch FILE (see: seedream estimate --help)");
        }
        if (batch != null) {
            return estimateBatch();
        }
        GenerationRequest req = request.build(prompt);
        CostEstimator c = client.estimator(io);
        List<Warning> warnings = c.validate(req);
        Strictness.check(client.strict, c.providerId(), warnings);
        warnings.forEach(w -> io.warn(w.toString()));
        Charge charge = c.estimate(req);
        if (json) {
            io.printJson(Jsons.MAPPER.writeValueAsString(new Outputs.Estimated(Outputs.SCHEMA, c.providerId(),
                    c.capabilities().pricing().toString(), Money.of(charge), req.count(), List.of(
                            new Outputs.EstimateLine(null, req.count(), req.size().resolution().toString(),
                                    Money.of(charge))), List.of())));
            return ExitCodes.OK;
        }
        io.println("estimate: " + charge.cost() + " for " + req.count() + " image(s) of " + req.size().resolution()
                + " on provider " + c.providerId() + " (priced at " + c.capabilities().pricing() + "; nothing was sent)");
        return ExitCodes.OK;
    }

    private int estimateBatch() {
        BatchFile.Contents contents = BatchFile.read(batch);
        List<String> errors = new ArrayList<>();
        List<Charge> charges = new ArrayList<>();
        List<Outputs.EstimateLine> lines = new ArrayList<>();
        int images = 0;
        CostEstimator c = client.estimator(io);
        for (BatchFile.Line line : contents.lines()) {
            String error = line.error();
            if (error == null) {
                try {
                    Strictness.check(client.strict, c.providerId(), c.validate(line.request()));
                    Charge ch = c.estimate(line.request());
                    charges.add(ch);
                    images += line.request().count();
                    lines.add(new Outputs.EstimateLine(line.number(), line.request().count(),
                            line.request().size().resolution().toString(), Money.of(ch)));
                    if (!json) {
                        io.println("line " + line.number() + ": " + ch.cost() + " (" + line.request().count() + " x "
                                + line.request().size().resolution() + ")");
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
        Charge total = charges.isEmpty() ? null : Charge.sum(charges);
        if (json) {
            io.printJson(Jsons.MAPPER.writeValueAsString(new Outputs.Estimated(Outputs.SCHEMA, c.providerId(),
                    c.capabilities().pricing().toString(), total == null ? null : Money.of(total), images, lines,
                    errors)));
        } else {
            io.println("estimate: " + (total == null ? "0" : total.cost().toString()) + " for " + charges.size()
                    + " line(s) on provider " + c.providerId() + (errors.isEmpty() ? "" : "; " + errors.size()
                    + " line(s) invalid") + " (nothing was sent)");
        }
        return errors.isEmpty() ? ExitCodes.OK : ExitCodes.BATCH_INCOMPLETE;
    }
}
