package io.github.seedream4j.cli;

import io.github.seedream4j.Charge;
import io.github.seedream4j.CostEstimator;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.Warning;
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
        CostEstimator c = client.estimator();
        for (Warning w : c.validate(req)) {
            io.warn(w.toString());
        }
        Charge charge = c.estimate(req);
        io.out.println("estimate: " + charge.cost() + " for " + req.count() + " image(s) of "
                + req.size().resolution() + " on provider " + c.providerId() + " (priced at "
                + c.capabilities().pricing() + "; nothing was sent)");
        return ExitCodes.OK;
    }

    private int estimateBatch() {
        List<BatchFile.Line> lines = BatchFile.read(batch);
        int bad = 0;
        List<Charge> charges = new ArrayList<>();
        CostEstimator c = client.estimator();
        for (BatchFile.Line line : lines) {
            if (line.error() != null) {
                io.error(batch + " line " + line.number() + ": " + line.error());
                bad++;
                continue;
            }
            try {
                Charge ch = c.estimate(line.request());
                charges.add(ch);
                io.out.println("line " + line.number() + ": " + ch.cost() + " (" + line.request().count()
                        + " x " + line.request().size().resolution() + ")");
            } catch (SeedreamException e) {
                io.error(batch + " line " + line.number() + ": " + Main.oneLine(e.getMessage()));
                bad++;
            }
        }
        String total = charges.isEmpty() ? "0" : Charge.sum(charges).cost().toString();
        io.out.println("estimate: " + total + " for " + charges.size() + " line(s) on provider " + c.providerId()
                + (bad == 0 ? "" : "; " + bad + " line(s) invalid") + " (nothing was sent)");
        return bad == 0 ? ExitCodes.OK : ExitCodes.BATCH_INCOMPLETE;
    }
}
