package org.example.seedream.solid;

import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.Seed;
import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.spi.ProviderResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Makes one solid-colour PNG per call. Stateless apart from its delay, so thread-safe. */
final class SolidColourProvider implements ImageProvider {

    private final Duration delay;

    SolidColourProvider(Duration delay) {
        this.delay = delay;
    }

    /** Blocking use: waits out the delay on the caller's thread, giving up when interrupted. */
    @Override
    public ProviderResult generate(ProviderCall call, GenerationContext context) {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw cancelled(context);
            }
        }
        return paint(call, context);
    }

    /** Waits on the client's scheduler instead of a sleeping thread, and stops waiting when cancelled. */
    @Override
    public CompletableFuture<ProviderResult> generateAsync(ProviderCall call, GenerationContext context) {
        CompletableFuture<ProviderResult> result = new CompletableFuture<>();
        Runnable work = () -> context.executor().execute(() -> {
            if (result.isDone()) {
                return;
            }
            try {
                result.complete(paint(call, context));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        ScheduledFuture<?> timer = context.scheduler().schedule(work, delay.toNanos(), TimeUnit.NANOSECONDS);
        context.onCancel(() -> {
            timer.cancel(false);
            result.completeExceptionally(cancelled(context));
        });
        return result;
    }

    private ProviderResult paint(ProviderCall call, GenerationContext context) {
        if (context.isCancelled()) {
            throw cancelled(context);
        }
        Resolution size = call.resolution();
        // the client always sends a seed, because this provider declares seeds
        long seed = call.request().seed().map(Seed::value).orElse(0L);
        int rgb = (call.request().prompt().text().hashCode() * 31 + Long.hashCode(seed)) & 0xffffff;
        byte[] png = SolidPng.encode(size.width(), size.height(), rgb);
        return ProviderResult.builder().image(context.images().store(png, "image/png", null)).build();
    }

    private static GenerationCancelledException cancelled(GenerationContext context) {
        return new GenerationCancelledException("provider " + SolidColourProviderFactory.ID + ": generation "
                + context.generationId() + " was cancelled before its image was made", SolidColourProviderFactory.ID,
                null, null);
    }

    @Override
    public String toString() {
        return "SolidColourProvider[delay=" + delay + "]";
    }
}
