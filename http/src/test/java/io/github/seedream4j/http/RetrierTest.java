package io.github.seedream4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Request;
import feign.Response;
import feign.RetryableException;
import io.github.seedream4j.OutcomeUnknownException;
import io.github.seedream4j.ProviderUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RetrierTest {

    private final List<Duration> slept = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();
    private final Retrier retrier = new Retrier("test", RetryPolicy.builder().maxAttempts(3)
            .initialDelay(Duration.ofMillis(100)).maxDelay(Duration.ofSeconds(1)).random(() -> 1.0).build(),
            Clock.fixed(Instant.parse("2015-10-21T07:27:30Z"), ZoneOffset.UTC), slept::add);
    private int sends;

    private static final Request REQUEST = Request.create(Request.HttpMethod.POST, "http://127.0.0.1/run",
            Map.of(), new byte[0], StandardCharsets.UTF_8, null);

    private static Response response(int status, String... retryAfter) {
        Map<String, Collection<String>> headers = new HashMap<>();
        if (retryAfter.length > 0) {
            headers.put("Retry-After", List.of(retryAfter));
        }
        return Response.builder().status(status).request(REQUEST).headers(headers).body("{}", StandardCharsets.UTF_8)
                .build();
    }

    private static RetryableException transport(IOException cause) {
        return new RetryableException(-1, cause.getMessage(), Request.HttpMethod.POST, cause, (Long) null, REQUEST);
    }

    private Supplier<Response> sequence(Object... outcomes) {
        Deque<Object> queue = new ArrayDeque<>(List.of(outcomes));
        return () -> {
            sends++;
            Object next = queue.size() > 1 ? queue.poll() : queue.peek();
            if (next instanceof RuntimeException) {
                throw (RuntimeException) next;
            }
            return (Response) next;
        };
    }

    private Response run(Idempotency kind, Supplier<Response> send) {
        return retrier.execute("POST /run", kind, send, (attempt, delay, reason) -> reasons.add(attempt + " " + reason));
    }

    @Test
    void execute_connectionRefusedIsRetriedEvenForAPost() {
        Response r = run(Idempotency.NON_IDEMPOTENT, sequence(transport(new ConnectException("Connection refused")),
                response(200)));

        assertThat(r.status()).isEqualTo(200);
        assertThat(sends).isEqualTo(2);
        assertThat(reasons).containsExactly("2 ConnectException: Connection refused");
        assertThat(slept).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void execute_resetAfterSendingAPostIsNeverResent() {
        assertThatThrownBy(() -> run(Idempotency.NON_IDEMPOTENT,
                sequence(transport(new SocketException("Connection reset")), response(200))))
                .isInstanceOf(OutcomeUnknownException.class)
                .hasMessage("provider test: POST /run may have reached the provider and started a paid job, but the "
                        + "connection broke before an answer came back (SocketException: Connection reset). It was not "
                        + "sent again, so that the job is not paid twice; check the provider's dashboard for the job "
                        + "before sending the request again");
        assertThat(sends).isEqualTo(1);
    }

    @Test
    void execute_readTimeoutOfAPostIsNeverResent() {
        assertThatThrownBy(() -> run(Idempotency.NON_IDEMPOTENT,
                sequence(transport(new HttpTimeoutException("request timed out")), response(200))))
                .isInstanceOf(OutcomeUnknownException.class)
                .hasMessageContaining("no answer came back within the read timeout");
        assertThat(sends).isEqualTo(1);
    }

    @Test
    void execute_resetOfAGetIsRetried() {
        Response r = run(Idempotency.IDEMPOTENT, sequence(transport(new SocketException("Connection reset")),
                response(200)));
        assertThat(r.status()).isEqualTo(200);
        assertThat(sends).isEqualTo(2);
    }

    @Test
    void execute_honoursRetryAfterOn429() {
        Response r = run(Idempotency.NON_IDEMPOTENT, sequence(response(429, "Wed, 21 Oct 2015 07:27:32 GMT"),
                response(503, "1"), response(201)));
        assertThat(r.status()).isEqualTo(201);
        assertThat(slept).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(1));
        assertThat(reasons).containsExactly("2 HTTP 429", "3 HTTP 503");
    }

    @Test
    void execute_returnsTheLastResponseWhenAttemptsRunOut() {
        Response r = run(Idempotency.NON_IDEMPOTENT, sequence(response(429)));
        assertThat(r.status()).isEqualTo(429);
        assertThat(sends).isEqualTo(3);
        assertThat(slept).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void execute_gatewayTimeoutOfAPostIsHandedBackUnretried() {
        assertThat(run(Idempotency.NON_IDEMPOTENT, sequence(response(504))).status()).isEqualTo(504);
        assertThat(sends).isEqualTo(1);
        assertThat(run(Idempotency.IDEMPOTENT, sequence(response(504), response(200))).status()).isEqualTo(200);
    }

    @Test
    void execute_otherStatusesAreNotRetried() {
        assertThat(run(Idempotency.IDEMPOTENT, sequence(response(400), response(200))).status()).isEqualTo(400);
        assertThat(sends).isEqualTo(1);
    }

    @Test
    void execute_connectionFailuresRunOut() {
        assertThatThrownBy(() -> run(Idempotency.IDEMPOTENT, sequence(transport(new ConnectException("refused")))))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider test: POST /run failed 3 times, last with ConnectException: refused; check the "
                        + "network and the provider's base URL, then try again later");
    }

    @Test
    void executeAsync_retriesOnTheSchedulerAndNeverResendsAnAmbiguousPost() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            Supplier<Response> s = sequence(response(503), transport(new SocketException("Connection reset")));
            CompletableFuture<Response> f = retrier.executeAsync("POST /run", Idempotency.NON_IDEMPOTENT,
                    () -> CompletableFuture.supplyAsync(s), scheduler, RetryListener.NONE);
            assertThatThrownBy(f::join).hasCauseInstanceOf(OutcomeUnknownException.class);
            assertThat(sends).isEqualTo(2);

            sends = 0;
            Supplier<Response> ok = sequence(transport(new ConnectException("refused")), response(200));
            assertThat(retrier.executeAsync("GET /status", Idempotency.IDEMPOTENT,
                    () -> CompletableFuture.supplyAsync(ok), scheduler, RetryListener.NONE).get().status())
                    .isEqualTo(200);
            assertThat(sends).isEqualTo(2);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
