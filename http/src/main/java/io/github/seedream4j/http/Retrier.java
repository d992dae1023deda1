package io.github.seedream4j.http;

import feign.Response;
import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.OutcomeUnknownException;
import io.github.seedream4j.ProviderUnavailableException;
import io.github.seedream4j.SeedreamException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs an HTTP call (a Feign method returning {@link Response}) under a {@link RetryPolicy}, and decides what may
 * be sent again by the request's {@link Idempotency}:
 * <ul>
 *   <li>a connection that was never made (refused, connect timeout, unknown host) is retried for any request;</li>
 *   <li>a failure after the request may have been sent (reset, read timeout) is retried for an
 *       {@link Idempotency#IDEMPOTENT} request, and becomes an {@link OutcomeUnknownException} for a
 *       {@link Idempotency#NON_IDEMPOTENT} one, which is never sent again;</li>
 *   <li>HTTP 429, 502 and 503 are retried for any request, 408, 500 and 504 only for idempotent ones, honouring
 *       {@code Retry-After}. When the attempts run out the last response is returned for the caller to translate
 *       (for example with {@link HttpErrors}).</li>
 * </ul>
 * Every other response is returned at once, whatever its status. Thread-safe.
 */
public final class Retrier {

    private final String providerId;
    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;

    /**
     * @param providerId the provider, for messages
     * @param policy how often and how long to wait
     * @param clock the clock {@code Retry-After} dates are measured with
     * @param sleeper how the blocking {@link #execute} waits
     */
    public Retrier(String providerId, RetryPolicy policy, Clock clock, Sleeper sleeper) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** A retrier on the system clock that sleeps on the calling thread. */
    public static Retrier of(String providerId, RetryPolicy policy) {
        return new Retrier(providerId, policy, Clock.systemUTC(), Sleeper.SYSTEM);
    }

    /** The policy. */
    public RetryPolicy policy() {
        return policy;
    }

    /**
     * Sends with {@code send} until a response that is not retried comes back, waiting on the calling thread.
     *
     * @param what the request for messages, for example {@code "POST /seedream-v4-t2i/runsync"}
     * @return the response, of any status; the caller closes it
     * @throws OutcomeUnknownException if a non-idempotent request may have been sent and no answer came back
     * @throws ProviderUnavailableException if the attempts ran out on connection failures
     * @throws GenerationCancelledException if the thread was interrupted while waiting
     */
    public Response execute(String what, Idempotency kind, Supplier<Response> send, RetryListener listener) {
        for (int attempt = 1; ; attempt++) {
            Response response;
            try {
                response = send.get();
            } catch (RuntimeException e) {
                Duration delay = onFailure(what, kind, attempt, e);
                announce(listener, attempt, delay, describe(e));
                sleep(delay);
                continue;
            }
            Duration delay = onResponse(kind, attempt, response);
            if (delay == null) {
                return response;
            }
            announce(listener, attempt, delay, "HTTP " + response.status());
            response.close();
            sleep(delay);
        }
    }

    /**
     * Like {@link #execute}, without blocking: waits are scheduled on {@code scheduler}, and {@code send} must
     * itself not block the calling thread (run the Feign call on an executor). Cancelling the returned future stops
     * further attempts.
     *
     * @return a future of the response (the caller closes it), failing as {@link #execute} throws
     */
    public CompletableFuture<Response> executeAsync(String what, Idempotency kind,
            Supplier<CompletableFuture<Response>> send, ScheduledExecutorService scheduler, RetryListener listener) {
        CompletableFuture<Response> result = new CompletableFuture<>();
        attemptAsync(1, what, kind, send, scheduler, listener, result);
        return result;
    }

    private void attemptAsync(int attempt, String what, Idempotency kind, Supplier<CompletableFuture<Response>> send,
            ScheduledExecutorService scheduler, RetryListener listener, CompletableFuture<Response> result) {
        if (result.isDone()) {
            return;
        }
        CompletableFuture<Response> sent;
        try {
            sent = send.get();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((response, error) -> {
            Duration delay;
            String reason;
            try {
                if (error != null) {
                    Throwable e = unwrap(error);
                    if (!(e instanceof RuntimeException)) {
                        result.completeExceptionally(e);
                        return;
                    }
                    delay = onFailure(what, kind, attempt, (RuntimeException) e);
                    reason = describe(e);
                } else {
                    delay = onResponse(kind, attempt, response);
                    if (delay == null) {
                        if (!result.complete(response)) {
                            response.close();
                        }
                        return;
                    }
                    reason = "HTTP " + response.status();
                    response.close();
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            if (result.isDone()) {
                return;
            }
            announce(listener, attempt, delay, reason);
            try {
                scheduler.schedule(() -> attemptAsync(attempt + 1, what, kind, send, scheduler, listener, result),
                        delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RuntimeException e) {
                result.completeExceptionally(new GenerationCancelledException("provider " + providerId + ": " + what
                        + " could not be retried because the client is shutting down", providerId, null, e));
            }
        });
    }

    /** The wait before the next attempt after a failed one, or throws when there is none. */
    private Duration onFailure(String what, Idempotency kind, int attempt, RuntimeException e) {
        if (e instanceof SeedreamException) {
            throw e;
        }
        if (!isTransportFailure(e)) {
            throw e;
        }
        boolean neverSent = neverSent(e);
        if (!neverSent && kind == Idempotency.NON_IDEMPOTENT) {
            String how = timedOut(e) ? "no answer came back within the read timeout"
                    : "the connection broke before an answer came back";
            throw new OutcomeUnknownException("provider " + providerId + ": " + what + " may have reached the "
                    + "provider and started a paid job, but " + how + " (" + describe(e) + "). It was not sent again, "
                    + "so that the job is not paid twice; check the provider's dashboard for the job before sending "
                    + "the request again", providerId, null, e);
        }
        if (attempt >= policy.maxAttempts()) {
            throw new ProviderUnavailableException("provider " + providerId + ": " + what + " failed " + attempt
                    + (attempt == 1 ? " time" : " times") + ", last with " + describe(e)
                    + "; check the network and the provider's base URL, then try again later", providerId, null, e);
        }
        return policy.delay(attempt, null);
    }

    /** The wait before the next attempt after {@code response}, or {@code null} to hand it back. */
    private Duration onResponse(Idempotency kind, int attempt, Response response) {
        if (attempt >= policy.maxAttempts() || !retriedStatus(kind, response.status())) {
            return null;
        }
        Duration retryAfter = RetryAfter.parse(header(response, "Retry-After"), clock.instant()).orElse(null);
        return policy.delay(attempt, retryAfter);
    }

    private void announce(RetryListener listener, int attempt, Duration delay, String reason) {
        if (listener != null) {
            listener.retrying(attempt + 1, delay, reason);
        }
    }

    private void sleep(Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationCancelledException("provider " + providerId + ": interrupted while waiting to retry; "
                    + "nothing more was sent", providerId, null, e);
        }
    }

    /** Whether {@code status} is retried for a request of {@code kind}. */
    public static boolean retriedStatus(Idempotency kind, int status) {
        if (status == 429 || status == 502 || status == 503) {
            return true;
        }
        return kind == Idempotency.IDEMPOTENT && (status == 408 || status == 500 || status == 504);
    }

    /** The first value of a response header, or {@code null}. Header names are case-insensitive. */
    public static String header(Response response, String name) {
        for (var e : response.headers().entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                Collection<String> values = e.getValue();
                return values == null || values.isEmpty() ? null : values.iterator().next();
            }
        }
        return null;
    }

    /**
     * Whether {@code failure} proves the request never left this machine: the connection was refused, timed out
     * while connecting, or the host is unknown or unreachable.
     */
    public static boolean neverSent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
                    || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean isTransportFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The innermost cause, named by its class and message; never contains request headers. */
    static String describe(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
