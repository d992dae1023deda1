package io.github.seedream4j.http;

import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.OutcomeUnknownException;
import io.github.seedream4j.ProviderUnavailableException;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.http.internal.BoundedBody;
import io.github.seedream4j.http.internal.Failures;
import io.github.seedream4j.http.internal.HttpThreads;
import io.github.seedream4j.http.internal.SharedHttpClient;
import io.github.seedream4j.spi.Blocking;
import io.github.seedream4j.spi.GenerationContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends a request on behalf of a generation and hands back the whole answer ({@link HttpReply}), whatever its
 * status, without holding a thread while it waits:
 * <ul>
 *   <li><b>cancellation</b>: when the generation is cancelled or passes its deadline, the exchange in flight is
 *       aborted (its connection closed) and no further attempt is made; the returned future fails with
 *       {@link GenerationCancelledException}. The client has already decided the generation's outcome by then.
 *       {@link #submit} is the exception: see there;</li>
 *   <li><b>retries</b> only where the request surely was not accepted: a connection that was never made (refused,
 *       unknown host, connect timeout) for any request; HTTP 429, 502 and 503 for any request; a broken connection,
 *       408, 500 and 504 only for an {@link Idempotency#IDEMPOTENT} one. Waits follow the {@link RetryPolicy} and
 *       {@code Retry-After}, run on the generation's scheduler (no thread sleeps), and are reported through
 *       {@link io.github.seedream4j.spi.Progress#retried}. A {@link Idempotency#NON_IDEMPOTENT} request that may have
 *       reached the server is never sent again: the future fails with {@link OutcomeUnknownException};</li>
 *   <li><b>timeouts</b>: each exchange, headers and body, must finish within the request's own
 *       {@link HttpRequest#timeout()}, or the caller's default when the request has none. They are deliberately not
 *       cut to the generation's deadline: the client decides what happens at the deadline, and cancels;</li>
 *   <li><b>bodies</b> are read without blocking, up to a cap (8 MiB by default);</li>
 *   <li><b>failures</b> are said in words ({@code "connection refused by 127.0.0.1:1"}), redacted, and are
 *       {@link io.github.seedream4j.SeedreamException}s: {@link ProviderUnavailableException} when the attempts ran
 *       out, {@link OutcomeUnknownException} as above.</li>
 * </ul>
 * Every request goes through one JDK {@link HttpClient} shared by the whole JVM (connect timeout 10 s, redirects
 * never followed), unless the builder is given another. Exchanges are logged at {@code DEBUG} on the logger
 * {@code io.github.seedream4j.provider.<id>}, headers at {@code TRACE}, with {@code Authorization},
 * {@code Proxy-Authorization}, {@code Cookie} and {@code Set-Cookie} values hidden and URLs redacted. Futures are
 * completed on the generation's executor, so code chained on them may block. Thread-safe.
 */
public final class HttpCaller {

    private static final long DEFAULT_MAX_REPLY_BYTES = 8L * 1024 * 1024;
    private static final List<String> HIDDEN_HEADERS = List.of("authorization", "proxy-authorization", "cookie",
            "set-cookie");

    private final String providerId;
    private final RetryPolicy policy;
    private final Duration timeout;
    private final long maxReplyBytes;
    private final HttpClient client;
    private final ErrorTranslator errors;
    private final System.Logger log;

    private HttpCaller(Builder b) {
        this.providerId = b.providerId;
        this.policy = b.policy;
        this.timeout = b.timeout;
        this.maxReplyBytes = b.maxReplyBytes;
        this.client = b.client != null ? b.client : SharedHttpClient.get();
        this.errors = b.errors != null ? b.errors : ErrorTranslator.builder(providerId).build();
        this.log = System.getLogger("io.github.seedream4j.provider." + providerId);
    }

    /**
     * A builder for calls on behalf of provider {@code providerId}.
     *
     * @param providerId the provider's id, named in messages and in the logger's name; never {@code null}
     * @return the builder
     */
    public static Builder builder(String providerId) {
        return new Builder(Objects.requireNonNull(providerId, "providerId"));
    }

    /** {@return the retry policy} */
    public RetryPolicy policy() {
        return policy;
    }

    /**
     * Sends {@code request} for the generation of {@code context}, with retries as the class comment says.
     *
     * @param context the generation's context, never {@code null}
     * @param request the request, never {@code null}; give it a {@link HttpRequest#timeout()} for the exchange
     * @param kind whether it may be sent twice, never {@code null}
     * @return the answer, whatever its status; failed with {@link GenerationCancelledException} when the generation
     *         ended first, or as the class comment says
     * @throws NullPointerException if an argument is null
     */
    public CompletableFuture<HttpReply> send(GenerationContext context, HttpRequest request, Idempotency kind) {
        Objects.requireNonNull(context, "context");
        return start(context, request, kind, false);
    }

    /**
     * Sends a request that creates a job whose id comes back in the answer (for example {@code POST /run}). It is
     * {@link Idempotency#NON_IDEMPOTENT}, and unlike {@link #send}, cancellation does not abort it once it may have
     * left this machine: the answer is awaited (within the request's timeout) and handed back even when the
     * generation was cancelled meanwhile, or its client closed, so that the provider can report the job id and cancel
     * the job on arrival ({@link GenerationContext#onCancel} runs at once when the generation already ended). Before
     * it is sent, and between attempts, cancellation still stops it.
     *
     * @param context the generation's context, never {@code null}
     * @param request the job-creating request, never {@code null}
     * @return the answer, whatever its status, possibly after the generation ended
     * @throws NullPointerException if an argument is null
     */
    public CompletableFuture<HttpReply> submit(GenerationContext context, HttpRequest request) {
        Objects.requireNonNull(context, "context");
        return start(context, request, Idempotency.NON_IDEMPOTENT, true);
    }

    /**
     * Sends a request that belongs to no generation, or must go out although its generation ended: typically
     * cancelling a job. It is not cancelled with the generation and does not need the client's threads, so it also
     * works while or after the client closes; it retries as {@link #send} does, waiting on a JVM-wide timer, and
     * reports no progress.
     *
     * @param request the request, never {@code null}
     * @param kind whether it may be sent twice, never {@code null}
     * @return the answer, whatever its status
     * @throws NullPointerException if an argument is null
     */
    public CompletableFuture<HttpReply> sendDetached(HttpRequest request, Idempotency kind) {
        return start(null, request, kind, true);
    }

    /**
     * Runs a blocking attempt, made with another HTTP client (for example a Feign call through
     * {@link FeignSupport#reply}), for the generation of {@code context}: each attempt runs on the generation's
     * executor through {@link Blocking#supply}, which interrupts it on cancellation. Retries and failures are as for
     * {@link #send}; an attempt that throws an {@link java.io.IOException} (or an unchecked exception caused by one)
     * failed in transport.
     *
     * @param context the generation's context, never {@code null}
     * @param what the request for messages, for example {@code "POST /v1/images"}; never {@code null}
     * @param kind whether it may be sent twice, never {@code null}
     * @param attempt one attempt, blocking; it reads the whole body into the reply
     * @return the answer, whatever its status
     * @throws NullPointerException if an argument is null
     */
    public CompletableFuture<HttpReply> send(GenerationContext context, String what, Idempotency kind,
            Callable<HttpReply> attempt) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(attempt, "attempt");
        Exchange x = new Exchange(context, what, null, kind, false);
        x.attempt = n -> blockingAttempt(x, attempt);
        x.next(1);
        return x.result;
    }

    private CompletableFuture<HttpReply> start(GenerationContext context, HttpRequest request, Idempotency kind,
            boolean keepAnswer) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(kind, "kind");
        Exchange x = new Exchange(context, what(request), request.uri(), kind, keepAnswer);
        x.attempt = n -> jdkAttempt(x, request, n);
        if (!keepAnswer && context != null) {
            context.onCancel(x::abort);
        }
        x.next(1);
        return x.result;
    }

    /** {@return the request for messages: method and path, without host, query or fragment} */
    static String what(HttpRequest request) {
        String path = request.uri().getRawPath();
        return request.method() + " " + (path == null || path.isEmpty() ? "/" : path);
    }

    private CompletableFuture<HttpReply> jdkAttempt(Exchange x, HttpRequest request, int n) {
        Duration limit = request.timeout().orElse(timeout);
        HttpRequest r = request.timeout().isPresent() ? request
                : HttpRequest.newBuilder(request, (name, value) -> true).timeout(limit).build();
        logRequest(r, n);
        long started = System.nanoTime();
        // The reply is complete when its body is: the body subscriber says so on the HTTP thread that read the last
        // bytes. The future sendAsync returns says it later, after JDK 17 has handed its completion to
        // CompletableFuture's default executor (a new thread per exchange on one or two processors); waiting for
        // that would add a thread hand-off to every answer. That future still reports failures before the body.
        // Nothing of this generation may stay reachable from the JDK's exchange until its late completion, or a
        // client that outruns those threads piles up answers: the JDK's response keeps no body, and both paths reach
        // the reply through one reference that the first of them clears.
        CompletableFuture<HttpReply> reply = new CompletableFuture<>();
        AtomicReference<CompletableFuture<HttpReply>> pending = new AtomicReference<>(reply);
        String what = x.what;
        Idempotency kind = x.kind;
        HttpResponse.BodyHandler<byte[]> bounded = BoundedBody.handler(maxReplyBytes);
        CompletableFuture<HttpResponse<byte[]>> sent = client.sendAsync(r, info -> HttpResponse.BodySubscribers
                .mapping(bounded.apply(info), bytes -> {
                    CompletableFuture<HttpReply> p = pending.getAndSet(null);
                    if (p != null) {
                        p.complete(HttpReply.of(what, kind, info.statusCode(), info.headers(), bytes));
                    }
                    return null;
                }));
        x.inFlight.set(sent);
        if (!x.keepAnswer && x.cancelled()) {
            sent.cancel(true); // cancelled between the check before sending and here: abort() found nothing yet
        }
        sent.whenComplete((response, error) -> {
            CompletableFuture<HttpReply> p = pending.getAndSet(null);
            if (p != null) {
                p.completeExceptionally(error != null ? error
                        : new IOException("the answer ended without its body having been read"));
            }
        });
        // the JDK's own timeout covers the wait for the headers; this one covers the body as well
        return reply.orTimeout(limit.toNanos(), TimeUnit.NANOSECONDS).handle((answer, error) -> {
            x.inFlight.set(null);
            if (error != null) {
                Throwable e = Failures.unwrap(error);
                if (e instanceof TimeoutException || e instanceof HttpTimeoutException) {
                    // the JDK's timer (to the headers) and this one (to the end of the body) say the same thing
                    sent.cancel(true);
                    e = new HttpTimeoutException("within " + Failures.seconds(limit));
                }
                logFailure(x, n, e);
                throw new AttemptFailed(e);
            }
            logResponse(r, answer, started);
            return answer;
        });
    }

    private CompletableFuture<HttpReply> blockingAttempt(Exchange x, Callable<HttpReply> attempt) {
        return Blocking.supply(x.context, () -> {
            try {
                return attempt.call();
            } catch (InterruptedException e) {
                throw e;
            } catch (SeedreamException e) {
                throw e;
            } catch (Exception e) {
                if (Failures.isTransport(e)) {
                    throw new AttemptFailed(e);
                }
                throw e;
            }
        }).handle((reply, error) -> {
            if (error != null) {
                Throwable e = Failures.unwrap(error);
                if (e instanceof GenerationFailedException g && g.getCause() != null
                        && !(g.getCause() instanceof SeedreamException)) {
                    // Blocking.supply wrapped what the attempt threw; judge the original, and never keep a bug's
                    // exception as a cause (its message may quote a header)
                    throw g.getCause() instanceof AttemptFailed a ? a : new AttemptFailed(g.getCause());
                }
                throw e instanceof RuntimeException re ? re : new AttemptFailed(e);
            }
            return reply;
        });
    }

    /** A transport failure of one attempt, carried to {@link Exchange#onAttempt}. */
    private static final class AttemptFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AttemptFailed(Throwable cause) {
            super(null, cause, false, false);
        }
    }

    /** One request and its attempts. */
    private final class Exchange {
        final GenerationContext context;
        final String what;
        final URI target;
        final Idempotency kind;
        final boolean keepAnswer;
        final CompletableFuture<HttpReply> result = new CompletableFuture<>();
        final AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();
        java.util.function.IntFunction<CompletableFuture<HttpReply>> attempt;

        Exchange(GenerationContext context, String what, URI target, Idempotency kind, boolean keepAnswer) {
            this.context = context;
            this.what = what;
            this.target = target;
            this.kind = kind;
            this.keepAnswer = keepAnswer;
        }

        boolean cancelled() {
            return context != null && context.isCancelled();
        }

        void abort() {
            CompletableFuture<?> f = inFlight.get();
            if (f != null) {
                f.cancel(true);
            }
        }

        /** Makes attempt {@code n}, unless the generation ended. */
        void next(int n) {
            if (cancelled()) {
                fail(cancelledError(n));
                return;
            }
            Executor on = context != null ? context.executor() : HttpThreads.executor();
            try {
                on.execute(() -> run(n));
            } catch (RuntimeException e) {
                fail(new GenerationCancelledException("provider " + providerId + ": " + what + " was not sent: the "
                        + "client is closing", providerId, null, null));
            }
        }

        private void run(int n) {
            if (cancelled()) {
                fail(cancelledError(n));
                return;
            }
            CompletableFuture<HttpReply> f;
            try {
                f = attempt.apply(n);
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            f.whenComplete((reply, error) -> onAttempt(n, reply, error));
        }

        private void onAttempt(int n, HttpReply reply, Throwable error) {
            if (!keepAnswer && cancelled()) {
                fail(cancelledError(n + 1));
                return;
            }
            if (error == null) {
                if (n < policy.maxAttempts() && retried(kind, reply.status())) {
                    retry(n, policy.delay(n, reply.retryAfter().orElse(null)), "HTTP " + reply.status());
                } else {
                    complete(reply);
                }
                return;
            }
            Throwable e = Failures.unwrap(error);
            if (e instanceof AttemptFailed) {
                e = e.getCause();
            }
            if (e instanceof SeedreamException s) {
                fail(s);
                return;
            }
            if (e instanceof CancellationException || (cancelled() && !keepAnswer)) {
                fail(cancelledError(n + 1));
                return;
            }
            if (!Failures.isTransport(e)) {
                // never attach it: a bug's message may quote a request header, and headers carry credentials
                fail(new GenerationFailedException("provider " + providerId + ": " + what + " failed unexpectedly "
                        + "with " + e.getClass().getName() + "; this is a bug in the provider, please report it",
                        providerId, null, null));
                return;
            }
            String words = Failures.inWords(e, target);
            boolean neverSent = Failures.neverSent(e);
            if (!neverSent && kind == Idempotency.NON_IDEMPOTENT) {
                fail(new OutcomeUnknownException("provider " + providerId + ": " + what + " may have reached the "
                        + "provider and started a paid job, but " + words + ". " + errors.notSentAgain(), providerId,
                        null, e));
                return;
            }
            if (n >= policy.maxAttempts() || Failures.isPermanent(e)) {
                String tried = n == 1 ? "" : " (tried " + n + " times)";
                fail(new ProviderUnavailableException("provider " + providerId + ": " + what
                        + (neverSent ? " could not be sent: " : " failed: ") + words + tried + "; "
                        + (neverSent ? "check the network and the provider's base URL, then try again later"
                                : "try again later"), providerId, null, e));
                return;
            }
            retry(n, policy.delay(n, null), words);
        }

        private void retry(int n, Duration delay, String reason) {
            if (cancelled()) {
                fail(cancelledError(n + 1));
                return;
            }
            if (context != null) {
                try {
                    context.progress().retried(n + 1, delay, reason);
                } catch (RuntimeException ignored) {
                    // reporting is best effort; the retry matters more
                }
            }
            try {
                if (context != null) {
                    context.scheduler().schedule(() -> next(n + 1), delay.toNanos(), TimeUnit.NANOSECONDS);
                } else {
                    CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, HttpThreads.executor())
                            .execute(() -> next(n + 1));
                }
            } catch (RuntimeException e) {
                fail(new GenerationCancelledException("provider " + providerId + ": " + what + " could not be "
                        + "retried because the client is closing", providerId, null, null));
            }
        }

        private GenerationCancelledException cancelledError(int n) {
            return new GenerationCancelledException("provider " + providerId + ": the generation ended"
                    + (n <= 1 ? " before " + what + " was sent; nothing was sent"
                            : " while " + what + " was in progress; it was not sent again"), providerId, null, null);
        }

        private void complete(HttpReply reply) {
            handOff(() -> result.complete(reply));
        }

        private void fail(Throwable error) {
            handOff(() -> result.completeExceptionally(error));
        }

        /** Completes on the generation's executor, so that chained provider code never runs on the HTTP threads. */
        private void handOff(Runnable completion) {
            if (context == null) {
                completion.run();
                return;
            }
            try {
                context.executor().execute(completion);
            } catch (RuntimeException e) {
                completion.run();
            }
        }
    }

    /** {@return whether {@code status} is retried for a request of {@code kind}} */
    static boolean retried(Idempotency kind, int status) {
        if (status == 429 || status == 502 || status == 503) {
            return true;
        }
        return kind == Idempotency.IDEMPOTENT && (status == 408 || status == 500 || status == 504);
    }

    private void logRequest(HttpRequest r, int n) {
        if (log.isLoggable(System.Logger.Level.DEBUG)) {
            log.log(System.Logger.Level.DEBUG, "--> " + r.method() + " " + Redactor.url(r.uri())
                    + (n == 1 ? "" : " (attempt " + n + ")"));
        }
        if (log.isLoggable(System.Logger.Level.TRACE)) {
            log.log(System.Logger.Level.TRACE, headers("--> ", r.headers()));
        }
    }

    private void logResponse(HttpRequest r, HttpReply reply, long started) {
        if (log.isLoggable(System.Logger.Level.DEBUG)) {
            log.log(System.Logger.Level.DEBUG, "<-- HTTP " + reply.status() + " " + r.method() + " "
                    + Redactor.url(r.uri()) + " (" + (System.nanoTime() - started) / 1_000_000 + " ms, "
                    + reply.body().length + " bytes)");
        }
        if (log.isLoggable(System.Logger.Level.TRACE)) {
            log.log(System.Logger.Level.TRACE, headers("<-- ", reply.headers()));
        }
    }

    private void logFailure(Exchange x, int n, Throwable e) {
        if (log.isLoggable(System.Logger.Level.DEBUG)) {
            log.log(System.Logger.Level.DEBUG, "<-- failed " + x.what + " (attempt " + n + "): "
                    + Failures.inWords(e, x.target));
        }
    }

    private static String headers(String arrow, HttpHeaders headers) {
        StringBuilder out = new StringBuilder(arrow).append("headers:");
        for (Map.Entry<String, List<String>> e : headers.map().entrySet()) {
            boolean hidden = HIDDEN_HEADERS.contains(e.getKey().toLowerCase(Locale.ROOT));
            for (String v : e.getValue()) {
                out.append("\n    ").append(e.getKey()).append(": ").append(hidden ? "****" : Redactor.none().text(v));
            }
        }
        return out.toString();
    }

    /** {@return the provider and the policy} */
    @Override
    public String toString() {
        return "HttpCaller[" + providerId + ", " + policy + ", timeout " + timeout + "]";
    }

    /** Builds an {@link HttpCaller}. Not thread-safe. */
    public static final class Builder {
        private final String providerId;
        private RetryPolicy policy = RetryPolicy.defaults();
        private Duration timeout = Duration.ofSeconds(60);
        private long maxReplyBytes = DEFAULT_MAX_REPLY_BYTES;
        private HttpClient client;
        private ErrorTranslator errors;

        private Builder(String providerId) {
            this.providerId = providerId;
        }

        /**
         * How often and how long to wait; {@link RetryPolicy#defaults()} by default.
         *
         * @param policy the policy, never {@code null}
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * How long one exchange may take, headers and body, for requests without their own
         * {@link HttpRequest#timeout()}; 60 s by default.
         *
         * @param timeout a positive duration, never {@code null}
         * @return this builder
         * @throws IllegalArgumentException if it is zero or negative
         */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, not " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * The most bytes of an answer's body read; 8 MiB by default. A larger body fails the attempt in transport.
         *
         * @param max at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code max} is below 1
         */
        public Builder maxReplyBytes(long max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxReplyBytes must be at least 1, not " + max);
            }
            this.maxReplyBytes = max;
            return this;
        }

        /**
         * Another JDK client, for example one with a proxy; by default the JVM-wide shared one. It should not follow
         * redirects. The caller does not close it.
         *
         * @param client the client, never {@code null}
         * @return this builder
         */
        public Builder httpClient(HttpClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * The translator whose console name and redaction the caller's own messages use; by default one with none.
         *
         * @param errors the provider's translator, never {@code null}
         * @return this builder
         */
        public Builder errors(ErrorTranslator errors) {
            this.errors = Objects.requireNonNull(errors, "errors");
            return this;
        }

        /** {@return the caller} */
        public HttpCaller build() {
            return new HttpCaller(this);
        }
    }
}
