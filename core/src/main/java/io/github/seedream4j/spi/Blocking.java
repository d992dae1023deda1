package io.github.seedream4j.spi;

import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.SeedreamException;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one blocking step of a provider off the caller's thread, with cancellation wired: when the generation is
 * cancelled or its deadline passes, the thread running the step is interrupted. That ends a blocked
 * {@code HttpClient.send}, a sleep or a wait at once; it does <em>not</em> end a read blocked in a JDK 17
 * {@code HttpClient} body stream ({@code HttpResponseInputStream}), which only closing the stream ends. So a step
 * that reads a body registers {@code context.onCancel(stream::close)} too, or uses the {@code seedream4j-http}
 * toolkit, whose download does both.
 */
public final class Blocking {

    private Blocking() {
    }

    /**
     * Runs {@code task} on {@link GenerationContext#executor()}.
     *
     * @param context the call's context, never {@code null}
     * @param task the blocking step; it throws a {@link SeedreamException} subtype for failures it understands
     * @param <T> what the step returns
     * @return a future of the step's value; failed with {@link GenerationCancelledException} when the generation
     *         was cancelled before or while it ran, with the {@link SeedreamException} the step threw, or with a
     *         {@link GenerationFailedException} wrapping anything else the step threw
     * @throws NullPointerException if an argument is null
     */
    public static <T> CompletableFuture<T> supply(GenerationContext context, Callable<T> task) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(task, "task");
        CompletableFuture<T> result = new CompletableFuture<>();
        AtomicReference<Thread> runner = new AtomicReference<>();
        Runnable run = () -> {
            if (context.isCancelled()) {
                result.completeExceptionally(cancelled(null));
                return;
            }
            runner.set(Thread.currentThread());
            try {
                if (context.isCancelled()) {
                    throw cancelled(null);
                }
                result.complete(task.call());
            } catch (SeedreamException e) {
                result.completeExceptionally(context.isCancelled() && !(e instanceof GenerationCancelledException)
                        ? cancelled(e) : e);
            } catch (InterruptedException e) {
                result.completeExceptionally(cancelled(e));
            } catch (Exception | Error e) {
                result.completeExceptionally(context.isCancelled() ? cancelled(e) : new GenerationFailedException(
                        "a provider step failed unexpectedly with " + e.getClass().getName()
                                + "; this is a bug in the provider, please report it", null, null, e));
            } finally {
                synchronized (runner) {
                    runner.set(null);
                    // an interrupt aimed at this step must not leak into the pool's next task
                    Thread.interrupted();
                }
            }
        };
        context.onCancel(() -> {
            synchronized (runner) {
                Thread t = runner.get();
                if (t != null) {
                    t.interrupt();
                }
            }
        });
        try {
            context.executor().execute(run);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new GenerationCancelledException(
                    "the client is closed; the provider step was not started", null, null, e));
        }
        return result;
    }

    private static GenerationCancelledException cancelled(Throwable cause) {
        return new GenerationCancelledException("the generation was cancelled or passed its deadline while a "
                + "provider step was running", null, null, cause);
    }
}
