package io.github.seedream4j.provider.fake.internal;

import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.Prompt;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.Seed;
import io.github.seedream4j.provider.fake.FakeProvider;
import io.github.seedream4j.spi.Blocking;
import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.spi.ProviderResult;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Paints images in process: waits for its configured latency on the shared scheduler, holding no thread, then
 * paints on a worker (painting a 4K image is real work).
 */
final class FakeImageProvider implements ImageProvider {

    private final Duration latency;
    private final FailureScript failures;
    private final List<GenerationRequest> ledger;

    FakeImageProvider(Duration latency, FailureScript failures, List<GenerationRequest> ledger) {
        this.latency = latency;
        this.failures = failures;
        this.ledger = ledger;
    }

    @Override
    public CompletableFuture<ProviderResult> generate(ProviderCall call, GenerationContext context) {
        String jobId = jobId(call);
        ledger.add(call.request());
        context.progress().submitted(jobId);
        return after(latency, call, context, jobId);
    }

    @Override
    public CompletableFuture<ProviderResult> resume(String jobId, ProviderCall call, GenerationContext context) {
        if (!jobId.equals(jobId(call))) {
            return CompletableFuture.failedFuture(new InvalidRequestException("fake job " + jobId + " was not made "
                    + "from this request (expected " + jobId(call) + "); resume with the request the job was made from",
                    FakeProvider.ID, jobId, null));
        }
        return after(Duration.ZERO, call, context, jobId);
    }

    private CompletableFuture<ProviderResult> after(Duration delay, ProviderCall call, GenerationContext context,
            String jobId) {
        CompletableFuture<ProviderResult> future = new CompletableFuture<>();
        Runnable work = () -> Blocking.supply(context, () -> paint(call, context, jobId)).whenComplete((r, e) -> {
            if (e != null) {
                future.completeExceptionally(e);
            } else {
                future.complete(r);
            }
        });
        if (delay.isZero()) {
            work.run();
        } else {
            ScheduledFuture<?> timer = context.scheduler().schedule(work, delay.toNanos(), TimeUnit.NANOSECONDS);
            context.onCancel(() -> timer.cancel(false));
        }
        return future;
    }

    private ProviderResult paint(ProviderCall call, GenerationContext context, String jobId) {
        failures.next(jobId);
        GenerationRequest r = call.request();
        Resolution size = call.resolution();
        long firstSeed = r.seed().map(Seed::value).orElse(0L);
        int[] references = call.inputs().stream().mapToInt(FakePainter::colourOf).toArray();
        for (int i = 0; i < call.images(); i++) {
            if (context.isCancelled()) {
                throw new GenerationCancelledException("the fake generation was cancelled", FakeProvider.ID, jobId, null);
            }
            // a sequential set shares one seed and palette and varies the layout; independent images vary the seed
            long seed = call.sequential() ? firstSeed : Seed.of(firstSeed).plus(i).value();
            byte[] png = new FakePainter(size.width(), size.height(), r.prompt().text(),
                    r.negativePrompt().map(Prompt::text).orElse(null), seed, references,
                    call.sequential() ? i + 1 : 0).png();
            context.images().store(png, "image/png", null);
        }
        return ProviderResult.builder().jobId(jobId).build();
    }

    private static String jobId(ProviderCall call) {
        GenerationRequest r = call.request();
        int hash = (r.prompt().text() + '\0' + r.negativePrompt().map(Prompt::text).orElse("") + '\0'
                + r.seed().map(Seed::value).orElse(0L) + '\0' + call.resolution() + '\0' + call.images() + '\0'
                + call.model().model() + '\0' + call.sequential() + '\0' + String.join("\0", call.inputs())).hashCode();
        return "fake-" + HexFormat.of().toHexDigits(hash);
    }
}
