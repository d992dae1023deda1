package io.github.seedream4j.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The baseline: each provider's protocol done with nothing but the JDK's {@link HttpClient#sendAsync} — the same
 * requests, the same poll schedule ({@link Provider#pauseNanos}) and the image download into a byte array, with the
 * fields read by {@code indexOf} and no checks. It holds no thread while a job waits: pauses are on one timer thread.
 * The HTTP client runs on {@code threads} threads (the library's shared client has 8), or the JDK's default pool
 * when {@code threads} is 0.
 */
final class RawClient implements AutoCloseable {

    private final HttpClient http;
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final String stub;
    private final AtomicInteger seeds = new AtomicInteger();

    RawClient(String stubUrl, int threads) {
        this.stub = stubUrl;
        AtomicInteger n = new AtomicInteger();
        // like the library's HTTP threads: a fixed number that end when idle, so a client kept across rounds leaves
        // only its selector thread behind
        ThreadPoolExecutor p = threads > 0 ? new ThreadPoolExecutor(threads, threads, 2, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> daemon(r, "raw-http-" + n.incrementAndGet())) : null;
        if (p != null) {
            p.allowCoreThreadTimeOut(true);
        }
        this.pool = p;
        HttpClient.Builder b = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
        this.http = (pool == null ? b : b.executor(pool)).build();
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "raw-timer"));
        t.setKeepAliveTime(2, TimeUnit.SECONDS);
        t.allowCoreThreadTimeOut(true);
        this.timer = t;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /**
     * One generation of a {@code side}-pixel square image through {@code provider}'s protocol.
     *
     * @param format ModelArk's {@code response_format}
     * @param waitSeconds Replicate's {@code Prefer: wait}
     * @return the image's bytes
     */
    CompletableFuture<byte[]> generate(Provider provider, String prompt, int side, String format, int waitSeconds) {
        String base = stub + provider.basePath;
        switch (provider) {
            case RUNPOD: {
                String run = base + "/" + StubServer.RUNPOD_ENDPOINT;
                return post(run + "/run", "Bearer", null, "{\"input\":{\"prompt\":\"" + prompt + "\",\"size\":\""
                        + side + "*" + side + "\",\"seed\":" + seeds.incrementAndGet() + "}}").thenCompose(job -> {
                            if (field(job, "status").equals("COMPLETED")) {
                                return image(field(job, "image_url"));
                            }
                            String status = run + "/status/" + field(job, "id");
                            return poll(status, "Bearer", 0, System.nanoTime(), j -> terminal(field(j, "status"),
                                    "COMPLETED", "IN_QUEUE", "IN_PROGRESS"))
                                    .thenCompose(done -> image(field(done, "image_url")));
                        });
            }
            case CLOUDFLARE:
                return post(base + "/accounts/" + StubServer.CLOUDFLARE_ACCOUNT + "/ai/run", "Bearer", null,
                        "{\"model\":\"bytedance/seedream-4.0\",\"input\":{\"prompt\":\"" + prompt + "\",\"size\":"
                                + "\"custom\",\"width\":" + side + ",\"height\":" + side + "}}")
                        .thenCompose(answer -> image(field(answer, "image")));
            case MODELARK:
                return post(base + "/images/generations", "Bearer", null, "{\"model\":\"seedream-4-0-250828\","
                        + "\"prompt\":\"" + prompt + "\",\"size\":\"" + side + "x" + side + "\","
                        + "\"sequential_image_generation\":\"disabled\",\"response_format\":\"" + format + "\","
                        + "\"watermark\":false}").thenCompose(answer -> format.equals("b64_json")
                                ? CompletableFuture.completedFuture(Base64.getMimeDecoder().decode(
                                        field(answer, "b64_json")))
                                : image(field(answer, "url")));
            case FAL:
                return post(base + "/fal-ai/bytedance/seedream/v4/text-to-image", "Key", null, "{\"prompt\":\""
                        + prompt + "\",\"image_size\":{\"width\":" + side + ",\"height\":" + side + "},"
                        + "\"num_images\":1,\"max_images\":1,\"seed\":" + seeds.incrementAndGet() + "}")
                        .thenCompose(queued -> {
                            String response = field(queued, "response_url");
                            return poll(field(queued, "status_url"), "Key", Provider.FIRST_POLL.toNanos(),
                                    System.nanoTime(), s -> terminal(field(s, "status"), "COMPLETED", "IN_QUEUE", "IN_PROGRESS"))
                                    .thenCompose(done -> get(response, "Key"))
                                    .thenCompose(result -> image(field(result, "url")));
                        });
            case REPLICATE: {
                long since = System.nanoTime();
                return post(base + "/models/bytedance/seedream-4/predictions", "Bearer", "wait=" + waitSeconds,
                        "{\"input\":{\"prompt\":\"" + prompt + "\",\"size\":\"custom\",\"width\":" + side
                                + ",\"height\":" + side + ",\"sequential_image_generation\":\"disabled\"}}")
                        .thenCompose(p -> {
                            if (field(p, "status").equals("succeeded")) {
                                return image(firstOutput(p));
                            }
                            return poll(field(p, "get"), "Bearer", Provider.pauseNanos(System.nanoTime() - since),
                                    since, q -> terminal(field(q, "status"), "succeeded", "starting", "processing"))
                                    .thenCompose(done -> image(firstOutput(done)));
                        });
            }
            default:
                throw new IllegalArgumentException(provider.id);
        }
    }

    /**
     * Whether {@code status} ends the polling: {@code true} for {@code done}, {@code false} for the pending ones.
     *
     * @throws IllegalStateException for any other status
     */
    private static Boolean terminal(String status, String done, String... pending) {
        if (status.equals(done)) {
            return true;
        }
        for (String p : pending) {
            if (status.equals(p)) {
                return false;
            }
        }
        throw new IllegalStateException("status " + status);
    }

    /**
     * GETs {@code url} after {@code first}, then after {@link Provider#pauseNanos} of the age since {@code since},
     * until {@code ended} says the answer ends it; completes with that answer.
     */
    private CompletableFuture<String> poll(String url, String scheme, long first, long since,
            Function<String, Boolean> ended) {
        CompletableFuture<String> result = new CompletableFuture<>();
        schedule(url, scheme, first, since, ended, result);
        return result;
    }

    private void schedule(String url, String scheme, long delay, long since, Function<String, Boolean> ended,
            CompletableFuture<String> result) {
        timer.schedule(() -> get(url, scheme).whenComplete((answer, error) -> {
            try {
                if (error != null) {
                    result.completeExceptionally(error);
                } else if (Boolean.TRUE.equals(ended.apply(answer))) {
                    result.complete(answer);
                } else {
                    schedule(url, scheme, Provider.pauseNanos(System.nanoTime() - since), since, ended, result);
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }), delay, TimeUnit.NANOSECONDS);
    }

    private CompletableFuture<String> post(String url, String scheme, String prefer, String body) {
        HttpRequest.Builder r = request(url, scheme).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (prefer != null) {
            r.header("Prefer", prefer);
        }
        return text(r.build());
    }

    private CompletableFuture<String> get(String url, String scheme) {
        return text(request(url, scheme).GET().build());
    }

    private static HttpRequest.Builder request(String url, String scheme) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", scheme + " " + Provider.KEY)
                .header("Accept", "application/json");
    }

    private CompletableFuture<String> text(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + request.uri() + ": HTTP " + r.statusCode());
            }
            return r.body();
        });
    }

    private CompletableFuture<byte[]> image(String url) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()).thenApply(r -> {
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("GET " + url + ": HTTP " + r.statusCode());
                    }
                    return r.body();
                });
    }

    /** The string value of the first {@code "name":"..."} in {@code json}. */
    static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int at = json.indexOf(key);
        if (at < 0) {
            throw new IllegalStateException("no \"" + name + "\" in " + json.substring(0, Math.min(200, json.length())));
        }
        at += key.length();
        return json.substring(at, json.indexOf('"', at));
    }

    private static String firstOutput(String prediction) {
        int at = prediction.indexOf("\"output\":[\"") + 11;
        return prediction.substring(at, prediction.indexOf('"', at));
    }
}
