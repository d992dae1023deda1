package io.github.seedream4j.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Look-alikes of the five HTTP providers on one loopback port, built on the JDK's own HTTP server so that they add no
 * dependency and few threads. Each provider has its own path prefix, which is the base URL its client is given
 * ({@link Provider#basePath()}); the wire shapes are those of the providers' WireMock tests and the reference notes:
 * <ul>
 *   <li>Runpod: {@code POST /runpod/{endpoint}/run}, {@code GET .../status/{id}}, {@code POST .../cancel/{id}};</li>
 *   <li>Cloudflare: {@code POST /cloudflare/client/v4/accounts/{account}/ai/run}, answered when the job is done
 *       with {@code {"result":{"image":url},"state":"Completed"}};</li>
 *   <li>ModelArk: {@code POST /modelark/api/v3/images/generations}, answered when the job is done with a {@code url}
 *       or, when the body asks for {@code b64_json}, the image inside the answer;</li>
 *   <li>fal: {@code POST /fal/fal-ai/bytedance/seedream/v4/text-to-image}, then {@code status_url} (202 while
 *       pending, 200 {@code COMPLETED}) and {@code response_url} with {@code images[].url};</li>
 *   <li>Replicate: {@code POST /replicate/v1/models/bytedance/seedream-4/predictions} held for up to the
 *       {@code Prefer: wait=N} seconds, then {@code GET urls.get} until {@code succeeded}, {@code output} URLs.</li>
 * </ul>
 * The prompt steers each job: {@code ms=2000} makes it finish 2 s after its submission, {@code img=small|1m|2k|4k}
 * picks its image. Synchronous answers and Replicate's wait are held on a timer, not on a handler thread, so a
 * thousand waiting requests cost no thread. {@code GET /_stats} answers the counters as {@code key=value} lines.
 *
 * <p>Images are valid-looking PNGs of an exact byte size ({@link SyntheticPng}); the 4K one is streamed from a
 * 64 KiB buffer, so the stub never holds it and, run in the measured JVM, does not distort heap measurements.
 */
final class StubServer implements AutoCloseable {

    static final String RUNPOD_ENDPOINT = "seedream-v4-t2i";
    static final String CLOUDFLARE_ACCOUNT = "0123456789abcdef0123456789abcdef";
    static final int SMALL_BYTES = 2 * 1024;
    static final int ONE_MIB = 1024 * 1024;
    static final int TWO_K_BYTES = 3 * 1024 * 1024;
    static final long FOUR_K_BYTES = 25L * 1024 * 1024;

    private static final Pattern PROMPT = Pattern.compile("\"prompt\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern MS = Pattern.compile("ms=(\\d+)");
    private static final Pattern IMG = Pattern.compile("img=(\\w+)");
    private static final Pattern WAIT = Pattern.compile("wait=(\\d+)");

    private final HttpServer server;
    private final ExecutorService handlers;
    private final ScheduledExecutorService timer;
    private final long networkNanos;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Map<String, Image> images = new ConcurrentHashMap<>();

    /** A submitted job: when it is done (nanoTime), which image it makes. */
    private record Job(long doneAt, String img) {
        boolean done() {
            return System.nanoTime() - doneAt >= 0;
        }
    }

    /** An image the stub serves: whole, or streamed when too large to hold; its base64 when it is small enough. */
    private record Image(int side, long length, byte[] bytes, SyntheticPng.Streamed streamed, byte[] base64) {
    }

    /**
     * Starts the stub.
     *
     * @param port the port, 0 for any free one
     * @param handlerThreads threads answering requests
     * @param networkMillis how long every answer waits first, standing in for a network round trip
     */
    StubServer(int port, int handlerThreads, long networkMillis) throws IOException {
        // without it, a small response written in two pieces waits for the client's delayed ACK (~40 ms)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // the server closes idle connections beyond 200, and any after 30 s; a client that then reuses one of its
        // pooled connections meets an EOF, which would end a raw generation and tell nothing about either client
        System.setProperty("sun.net.httpserver.maxIdleConnections", "100000");
        System.setProperty("sun.net.httpserver.idleInterval", "3600");
        this.networkNanos = TimeUnit.MILLISECONDS.toNanos(networkMillis);
        AtomicInteger n = new AtomicInteger();
        this.handlers = Executors.newFixedThreadPool(handlerThreads, r -> daemon(r, "stub-" + n.incrementAndGet()));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "stub-timer"));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The image {@code kind} names, made on first use; {@code null} for an unknown kind. */
    private Image image(String kind) {
        switch (kind) {
            case "small":
                return images.computeIfAbsent(kind, k -> whole(1024, SMALL_BYTES));
            case "1m":
                return images.computeIfAbsent(kind, k -> whole(1024, ONE_MIB));
            case "2k":
                return images.computeIfAbsent(kind, k -> whole(2048, TWO_K_BYTES));
            case "4k":
                return images.computeIfAbsent(kind, k -> new Image(4096, FOUR_K_BYTES, null,
                        SyntheticPng.streamed(4096, 4096, FOUR_K_BYTES), null));
            default:
                return null;
        }
    }

    private static Image whole(int side, int bytes) {
        byte[] png = SyntheticPng.of(side, side, bytes);
        return new Image(side, bytes, png, null, Base64.getEncoder().encode(png));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** {@return {@code http://127.0.0.1:<port>}} */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** When job {@code id} finished or finishes, in nanoTime units, or {@code null} if it is unknown. */
    Long doneAt(String id) {
        Job job = jobs.get(id);
        return job == null ? null : job.doneAt;
    }

    @Override
    public void close() {
        server.stop(0);
        timer.shutdownNow();
        handlers.shutdownNow();
    }

    // ------------------------------------------------------------------------------------------- dispatch

    /** A written answer: status, content type and body; {@code null} type and body for none. */
    private record Answer(int status, String type, byte[] body, Image image) {
        static Answer json(int status, String body) {
            return new Answer(status, "application/json", body.getBytes(StandardCharsets.UTF_8), null);
        }

        static Answer none(int status) {
            return new Answer(status, null, null, null);
        }
    }

    /** What to answer, and how long to hold it first (nanoseconds). */
    private record Reply(long hold, Supplier<Answer> answer) {
        static Reply now(Answer answer) {
            return new Reply(0, () -> answer);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Reply reply;
        try {
            reply = route(ex, method, path, body);
        } catch (RuntimeException e) {
            reply = Reply.now(Answer.json(500, "{\"error\":\"stub: " + e + "\"}"));
        }
        respond(ex, reply.hold, reply.answer);
    }

    private Reply route(HttpExchange ex, String method, String path, String body) {
        if (path.startsWith("/img/")) {
            count("images");
            Image image = image(path.substring(5));
            return Reply.now(image == null ? Answer.none(404) : new Answer(200, "image/png", null, image));
        }
        if (path.equals("/_stats")) {
            return Reply.now(new Answer(200, "text/plain", stats().getBytes(StandardCharsets.UTF_8), null));
        }
        if (path.startsWith("/runpod/" + RUNPOD_ENDPOINT + "/")) {
            return Reply.now(runpod(method, path.substring(("/runpod/" + RUNPOD_ENDPOINT + "/").length()), body));
        }
        if (path.equals("/cloudflare/client/v4/accounts/" + CLOUDFLARE_ACCOUNT + "/ai/run") && method.equals("POST")) {
            Job job = jobs.get(submit(body));
            Answer a = Answer.json(200, "{\"gatewayMetadata\":{\"keySource\":\"Unified\"},\"result\":{\"image\":\""
                    + url() + "/img/" + job.img + "\"},\"state\":\"Completed\"}");
            return new Reply(left(job), () -> a);
        }
        if (path.equals("/modelark/api/v3/images/generations") && method.equals("POST")) {
            Job job = jobs.get(submit(body));
            boolean inline = body.contains("\"b64_json\"");
            return new Reply(left(job), () -> modelArk(job, inline));
        }
        if (path.startsWith("/fal/")) {
            return Reply.now(fal(method, path.substring(4), body));
        }
        if (path.startsWith("/replicate/v1/models/") && path.endsWith("/predictions") && method.equals("POST")) {
            String id = submit(body);
            String prefer = ex.getRequestHeaders().getFirst("Prefer");
            Matcher wait = WAIT.matcher(prefer == null ? "" : prefer);
            long waitNanos = wait.find() ? TimeUnit.SECONDS.toNanos(Long.parseLong(wait.group(1))) : 0;
            // Replicate holds the answer until the prediction ends or the wait is over, whichever comes first
            return new Reply(Math.min(left(jobs.get(id)), waitNanos), () -> Answer.json(201,
                    prediction(id, jobs.get(id).done() ? "succeeded" : "starting")));
        }
        if (path.startsWith("/replicate/v1/")) {
            return Reply.now(replicate(method, path.substring("/replicate/v1/".length())));
        }
        return Reply.now(Answer.none(404));
    }

    /** Writes the answer made by {@code answer} after {@code hold} plus the simulated network time. */
    private void respond(HttpExchange ex, long hold, Supplier<Answer> answer) throws IOException {
        long delay = hold + networkNanos;
        if (delay <= 0) {
            write(ex, answer.get());
            return;
        }
        // the timer only times; the answer is made and written on a handler thread
        timer.schedule(() -> handlers.execute(() -> {
            try {
                write(ex, answer.get());
            } catch (IOException | RuntimeException e) {
                ex.close();
            }
        }), delay, TimeUnit.NANOSECONDS);
    }

    private static void write(HttpExchange ex, Answer a) throws IOException {
        try (ex) {
            if (a.image != null) {
                ex.getResponseHeaders().set("Content-Type", a.type);
                ex.sendResponseHeaders(a.status, a.image.length);
                try (OutputStream out = ex.getResponseBody()) {
                    if (a.image.bytes != null) {
                        out.write(a.image.bytes);
                    } else {
                        a.image.streamed.writeTo(out);
                    }
                }
                return;
            }
            if (a.body == null) {
                ex.sendResponseHeaders(a.status, -1);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", a.type);
            ex.sendResponseHeaders(a.status, a.body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(a.body);
            }
        }
    }

    // ------------------------------------------------------------------------------------------- jobs

    /** Registers the job the request body's prompt describes and returns its id. */
    private String submit(String body) {
        count("submits");
        Matcher p = PROMPT.matcher(body);
        String prompt = p.find() ? p.group(1) : "";
        Matcher ms = MS.matcher(prompt);
        Matcher img = IMG.matcher(prompt);
        String id = "job-" + ids.incrementAndGet();
        long millis = ms.find() ? Long.parseLong(ms.group(1)) : 0;
        jobs.put(id, new Job(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis),
                img.find() && image(img.group(1)) != null ? img.group(1) : "small"));
        return id;
    }

    private static long left(Job job) {
        return Math.max(0, job.doneAt - System.nanoTime());
    }

    private void count(String counter) {
        counters.computeIfAbsent(counter, k -> new AtomicLong()).incrementAndGet();
    }

    /** The counters and this process's CPU time, one {@code key=value} per line. */
    private String stats() {
        StringBuilder s = new StringBuilder();
        for (String k : new String[] {"submits", "polls", "results", "images", "cancels"}) {
            AtomicLong v = counters.get(k);
            s.append(k).append('=').append(v == null ? 0 : v.get()).append('\n');
        }
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return s.append("cpuNanos=").append(cpu).append('\n').toString();
    }

    // ------------------------------------------------------------------------------------------- providers

    private Answer runpod(String method, String op, String body) {
        if (op.equals("run") && method.equals("POST")) {
            String id = submit(body);
            return Answer.json(200, jobs.get(id).done() ? runpodCompleted(id)
                    : "{\"id\":\"" + id + "\",\"status\":\"IN_QUEUE\"}");
        }
        if (op.startsWith("status/")) {
            count("polls");
            String id = op.substring(7);
            Job job = jobs.get(id);
            if (job == null) {
                return Answer.none(404);
            }
            return Answer.json(200, job.done() ? runpodCompleted(id)
                    : "{\"id\":\"" + id + "\",\"status\":\"IN_PROGRESS\",\"delayTime\":3}");
        }
        if (op.startsWith("cancel/")) {
            count("cancels");
            return Answer.json(200, "{\"id\":\"" + op.substring(7) + "\",\"status\":\"CANCELLED\"}");
        }
        return Answer.none(404);
    }

    private String runpodCompleted(String id) {
        return "{\"id\":\"" + id + "\",\"status\":\"COMPLETED\",\"delayTime\":3,\"executionTime\":5,"
                + "\"workerId\":\"stub\",\"output\":{\"image_url\":\"" + url() + "/img/" + jobs.get(id).img
                + "\",\"cost\":0.028311}}";
    }

    private Answer modelArk(Job job, boolean inline) {
        Image image = image(job.img);
        String size = "\"size\":\"" + image.side + "x" + image.side + "\"";
        String head = "{\"model\":\"seedream-4-0-250828\",\"created\":1757321139,\"data\":[{";
        String tail = "}],\"usage\":{\"generated_images\":1,\"output_tokens\":16384,\"total_tokens\":16384}}";
        if (!inline || image.base64 == null) {
            return Answer.json(200, head + "\"url\":\"" + url() + "/img/" + job.img
                    + "?X-Tos-Expires=86400&X-Tos-Signature=stub\"," + size + tail);
        }
        byte[] open = (head + "\"b64_json\":\"").getBytes(StandardCharsets.US_ASCII);
        byte[] close = ("\"," + size + tail).getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[open.length + image.base64.length + close.length];
        System.arraycopy(open, 0, body, 0, open.length);
        System.arraycopy(image.base64, 0, body, open.length, image.base64.length);
        System.arraycopy(close, 0, body, open.length + image.base64.length, close.length);
        return new Answer(200, "application/json", body, null);
    }

    private Answer fal(String method, String path, String body) {
        String requests = url() + "/fal/fal-ai/bytedance/requests/";
        if (path.equals("/fal-ai/bytedance/seedream/v4/text-to-image") && method.equals("POST")) {
            String id = submit(body);
            return Answer.json(200, "{\"status\":\"IN_QUEUE\",\"request_id\":\"" + id + "\",\"response_url\":\""
                    + requests + id + "\",\"status_url\":\"" + requests + id + "/status\",\"cancel_url\":\""
                    + requests + id + "/cancel\",\"queue_position\":0}");
        }
        if (!path.startsWith("/fal-ai/bytedance/requests/")) {
            return Answer.none(404);
        }
        String rest = path.substring("/fal-ai/bytedance/requests/".length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        Job job = jobs.get(id);
        if (job == null) {
            return Answer.none(404);
        }
        if (rest.endsWith("/status")) {
            count("polls");
            return job.done() ? Answer.json(200, "{\"status\":\"COMPLETED\",\"request_id\":\"" + id
                    + "\",\"logs\":null,\"metrics\":{\"inference_time\":4.2}}")
                    : Answer.json(202, "{\"status\":\"IN_PROGRESS\",\"request_id\":\"" + id + "\",\"logs\":null}");
        }
        if (rest.endsWith("/cancel")) {
            count("cancels");
            return Answer.json(200, "{\"success\":true}");
        }
        count("results");
        int side = image(job.img).side;
        return Answer.json(200, "{\"images\":[{\"url\":\"" + url() + "/img/" + job.img + "\",\"content_type\":"
                + "\"image/png\",\"width\":" + side + ",\"height\":" + side + "}],\"seed\":746406749}");
    }

    private Answer replicate(String method, String path) {
        if (!path.startsWith("predictions/")) {
            return Answer.none(404);
        }
        String rest = path.substring("predictions/".length());
        if (rest.endsWith("/cancel") && method.equals("POST")) {
            count("cancels");
            String id = rest.substring(0, rest.length() - "/cancel".length());
            return jobs.containsKey(id) ? Answer.json(200, prediction(id, "canceled")) : Answer.none(404);
        }
        count("polls");
        Job job = jobs.get(rest);
        return job == null ? Answer.none(404)
                : Answer.json(200, prediction(rest, job.done() ? "succeeded" : "processing"));
    }

    private String prediction(String id, String status) {
        String at = url() + "/replicate/v1/predictions/" + id;
        String output = status.equals("succeeded") ? "[\"" + url() + "/img/" + jobs.get(id).img + "\"]" : "null";
        return "{\"id\":\"" + id + "\",\"model\":\"bytedance/seedream-4\",\"version\":\"stub\",\"input\":{},"
                + "\"logs\":\"\",\"output\":" + output + ",\"data_removed\":false,\"error\":null,\"status\":\""
                + status + "\",\"created_at\":\"2026-11-21T10:00:00.000Z\",\"urls\":{\"cancel\":\"" + at
                + "/cancel\",\"get\":\"" + at + "\"}}";
    }
}
