package io.github.seedream4j.benchmarks;

import static io.github.seedream4j.benchmarks.Sampler.f;
import static io.github.seedream4j.benchmarks.Sampler.median;
import static io.github.seedream4j.benchmarks.Sampler.mib;

import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.SeedreamClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The cases that drive a provider's client against its stub, seedream4j beside {@link RawClient} doing the same
 * protocol, in one JVM and one run: {@code overhead} (one generation at a time), {@code inflight} (a thousand at
 * once) and {@code capacity} (how many a minute one JVM sustains). The stub runs in a process of its own unless
 * {@code stub=inline}.
 */
final class SideBySide {

    private static final Set<String> IMAGES = Set.of("small", "1m", "2k", "4k");

    private final Map<String, String> options;
    private final Map<String, String> out;
    private final Provider provider;
    /** ModelArk's response formats to measure: one, or several side by side in {@code overhead}. */
    private final List<String> formats;
    private final String format;
    private final int waitSeconds;
    /**
     * The raw side's client across the rounds of {@code inflight}: the library's HTTP client lives as long as the JVM,
     * and its connection pool with it, so the raw side keeps one client (and its pool) too. {@code rawClient=fresh}
     * makes a new one per round instead.
     */
    private RawClient sharedRaw;

    SideBySide(Map<String, String> options, Map<String, String> out) {
        this.options = options;
        this.out = out;
        this.provider = Provider.of(options.getOrDefault("provider", "runpod"));
        this.formats = List.of(options.getOrDefault("format", "url").split(","));
        for (String f : formats) {
            if (!f.equals("url") && !f.equals("b64_json")) {
                throw new IllegalArgumentException("format is '" + f + "'; expected url, b64_json or both, "
                        + "separated by a comma");
            }
        }
        this.format = formats.get(0);
        this.waitSeconds = option("wait", 60);
        out.put("provider", provider.id + (provider == Provider.MODELARK ? " (response_format " + String.join(", ", formats) + ")" : "")
                + (provider == Provider.REPLICATE ? " (Prefer: wait=" + waitSeconds + ")" : ""));
    }

    private int option(String key, int fallback) {
        return Integer.parseInt(options.getOrDefault(key, String.valueOf(fallback)));
    }

    private String image(String fallback) {
        String img = options.getOrDefault("img", fallback);
        if (!IMAGES.contains(img)) {
            throw new IllegalArgumentException("img is '" + img + "'; expected one of small, 1m, 2k, 4k");
        }
        return img;
    }

    private static int side(String img) {
        return img.equals("2k") ? 2048 : img.equals("4k") ? 4096 : 1024;
    }

    private static long bytes(String img) {
        switch (img) {
            case "1m":
                return StubServer.ONE_MIB;
            case "2k":
                return StubServer.TWO_K_BYTES;
            case "4k":
                return StubServer.FOUR_K_BYTES;
            default:
                return StubServer.SMALL_BYTES;
        }
    }

    private Stub stub(long networkMillis) throws IOException {
        Stub stub = Stub.start(!"inline".equals(options.get("stub")), option("stubThreads", 4), networkMillis);
        out.put("stub", stub.ownProcess() ? "own process" : "in this JVM (its threads, CPU and heap are counted)");
        return stub;
    }

    private SeedreamClient library(Stub stub) {
        return library(stub, format);
    }

    private SeedreamClient library(Stub stub, String responseFormat) {
        return SeedreamClient.builder().provider(provider.id).settings(provider.settings(stub.url(), responseFormat,
                waitSeconds)).systemProperties(k -> null).environment(k -> null).build();
    }

    private RawClient raw(Stub stub) {
        return new RawClient(stub.url(), option("rawThreads", 8));
    }

    private static GenerationRequest request(String prompt, int side) {
        return GenerationRequest.of(prompt).withSize(ImageSize.exact(side, side));
    }

    // ---------------------------------------------------------------------------------------------- overhead

    /** One side of {@code overhead}: a client, the response format it asks for, and what it measured. */
    private record Side(boolean library, String format, List<Double> ms, List<Double> allocated) {
        Side(boolean library, String format) {
            this(library, format, new ArrayList<>(), new ArrayList<>());
        }
    }

    /**
     * One generation at a time, seedream4j and raw in turn (the order rotates each round; with several ModelArk
     * formats, every format's two sides take part); medians, ratio and bytes allocated per generation.
     */
    void overhead() throws Exception {
        String img = image("1m");
        int side = side(img);
        // the library has more code than the raw client to bring to steady state: a thousand rounds get both there
        int warmup = option("warmup", 1000);
        int rounds = option("rounds", 200);
        long network = option("networkMs", 0);
        String prompt = "overhead ms=0 img=" + img;
        List<Side> sides = new ArrayList<>();
        for (String f : formats) {
            sides.add(new Side(true, f));
            sides.add(new Side(false, f));
        }
        List<SeedreamClient> clients = new ArrayList<>();
        try (Stub stub = stub(network); RawClient raw = raw(stub)) {
            for (String f : formats) {
                clients.add(library(stub, f));
            }
            for (int i = 0; i < warmup + rounds; i++) {
                for (int k = 0; k < sides.size(); k++) {
                    int at = (i + k) % sides.size();
                    Side s = sides.get(at);
                    SeedreamClient lib = clients.get(at / 2);
                    long allocated = Sampler.allocatedBytes();
                    long t0 = System.nanoTime();
                    long got = s.library() ? lib.generate(request(prompt, side)).image().byteSize()
                            : raw.generate(provider, prompt, side, s.format(), waitSeconds).get().length;
                    double ms = (System.nanoTime() - t0) / 1e6;
                    double alloc = Sampler.allocatedBytes() - allocated;
                    if (got != bytes(img)) {
                        throw new IllegalStateException("got " + got + " bytes, expected " + bytes(img));
                    }
                    if (i >= warmup) {
                        s.ms().add(ms);
                        s.allocated().add(alloc);
                    }
                }
            }
        } finally {
            for (SeedreamClient c : clients) {
                c.close();
            }
        }
        out.put("image", img + " (" + side + "x" + side + ", " + bytes(img) + " bytes)");
        out.put("simulated network ms per answer", String.valueOf(network));
        out.put("rounds", rounds + " after " + warmup + " warm-up");
        for (int i = 0; i < sides.size(); i += 2) {
            Side lib = sides.get(i);
            Side raw = sides.get(i + 1);
            String of = formats.size() > 1 ? ", " + lib.format() : "";
            out.put("seedream4j median ms" + of, f(median(lib.ms())) + " (p90 "
                    + f(Sampler.percentile(lib.ms(), 90)) + ")");
            out.put("raw median ms" + of, f(median(raw.ms())) + " (p90 " + f(Sampler.percentile(raw.ms(), 90)) + ")");
            out.put("ratio seedream4j/raw (medians)" + of, f(median(lib.ms()) / median(raw.ms())));
            out.put("added median ms" + of, f(median(lib.ms()) - median(raw.ms())));
            out.put("allocated per generation, seedream4j (median)" + of, mib((long) median(lib.allocated())));
            out.put("allocated per generation, raw (median)" + of, mib((long) median(raw.allocated())));
        }
    }

    // ---------------------------------------------------------------------------------------------- inflight

    /** What one side did with all its jobs in flight. */
    private record Phase(double wallMs, double submitMs, double cpuMs, int threadsBefore, int peakThreads,
            long peakHeap, double pollsPerJob, String poolsAtMost) {
    }

    /** {@code jobs} generations at once, per round seedream4j and raw one after the other (the order swaps). */
    void inflight() throws Exception {
        int jobs = option("jobs", 1000);
        int ms = option("ms", 2000);
        int rounds = option("rounds", 3);
        String img = image("small");
        List<Phase> lib = new ArrayList<>();
        List<Phase> raw = new ArrayList<>();
        try (Stub stub = stub(0)) {
            int base = Sampler.liveThreads() + 1; // the raw side's shared client keeps its selector thread
            // class loading, JIT and first connections, on both sides; not counted
            phase(true, stub, Math.min(jobs, 100), Math.min(ms, 200), img, base);
            phase(false, stub, Math.min(jobs, 100), Math.min(ms, 200), img, base);
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < 2; k++) {
                    boolean library = (r + k) % 2 == 0;
                    (library ? lib : raw).add(phase(library, stub, jobs, ms, img, base));
                }
            }
        } finally {
            if (sharedRaw != null) {
                sharedRaw.close();
                sharedRaw = null;
            }
        }
        out.put("generations in flight", jobs + ", jobs of " + ms + " ms, image " + img);
        out.put("rounds", String.valueOf(rounds));
        out.put("max heap (-Xmx)", mib(Runtime.getRuntime().maxMemory()));
        report(lib, raw, "wall ms", Phase::wallMs, true);
        report(lib, raw, "client CPU ms", Phase::cpuMs, true);
        report(lib, raw, "submitting all took ms", Phase::submitMs, false);
        report(lib, raw, "peak live threads (whole JVM)", p -> (double) p.peakThreads(), false);
        report(lib, raw, "live threads before", p -> (double) p.threadsBefore(), false);
        out.put("seedream4j threads when most were live, last round", lib.get(lib.size() - 1).poolsAtMost());
        out.put("raw threads when most were live, last round", raw.get(raw.size() - 1).poolsAtMost());
        report(lib, raw, "peak heap used MiB", p -> p.peakHeap() / 1024.0 / 1024.0, false);
        report(lib, raw, "status calls per job", Phase::pollsPerJob, false);
        out.put("status calls per job the schedule asks for", String.valueOf(provider.polls(ms, waitSeconds)));
        out.put("targets", "seedream4j wall <= 1.2x raw, CPU <= 1.5x raw, <= 64 threads, <= 256 MiB heap, "
                + "status calls <= 1.5x the schedule");
    }

    private void report(List<Phase> lib, List<Phase> raw, String what, Function<Phase, Double> value, boolean ratio) {
        List<Double> l = lib.stream().map(value).collect(Collectors.toList());
        List<Double> r = raw.stream().map(value).collect(Collectors.toList());
        out.put("seedream4j " + what, f(median(l)) + " " + l.stream().map(Sampler::f).collect(Collectors.toList()));
        out.put("raw " + what, f(median(r)) + " " + r.stream().map(Sampler::f).collect(Collectors.toList()));
        if (ratio) {
            out.put("ratio seedream4j/raw, " + what + " (medians)", f(median(l) / median(r)));
        }
    }

    private Phase phase(boolean library, Stub stub, int jobs, int ms, String img, int baseThreads) throws Exception {
        settle(baseThreads);
        int pixels = side(img);
        Map<String, Long> before = stub.stats();
        int threadsBefore = Sampler.liveThreads();
        long cpu = Sampler.cpuNanos();
        SeedreamClient client = null;
        RawClient raw = null;
        try (Sampler sampler = new Sampler(10)) {
            long t0 = System.nanoTime();
            List<CompletableFuture<?>> all = new ArrayList<>(jobs);
            if (library) {
                client = library(stub);
                for (int i = 0; i < jobs; i++) {
                    all.add(client.generateAsync(request("inflight ms=" + ms + " img=" + img + " i=" + i, pixels)));
                }
            } else {
                if (options.getOrDefault("rawClient", "shared").equals("fresh")) {
                    raw = raw(stub);
                } else if (sharedRaw == null) {
                    sharedRaw = raw(stub);
                }
                RawClient side = raw != null ? raw : sharedRaw;
                for (int i = 0; i < jobs; i++) {
                    all.add(side.generate(provider, "inflight ms=" + ms + " img=" + img + " i=" + i, pixels, format,
                            waitSeconds));
                }
            }
            long submitted = System.nanoTime();
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
            long t1 = System.nanoTime();
            double cpuMs = (Sampler.cpuNanos() - cpu) / 1e6;
            Phase p = new Phase((t1 - t0) / 1e6, (submitted - t0) / 1e6, cpuMs, threadsBefore, Sampler.peakThreads(),
                    sampler.peakHeap(), (stub.stats().get("polls") - before.get("polls")) / (double) jobs,
                    sampler.poolsAtMost());
            return p;
        } finally {
            if (client != null) {
                client.close();
            }
            if (raw != null) {
                raw.close();
            }
        }
    }

    /** Collects garbage and waits (up to {@code settleMs}, 5 s) for the other side's idle threads to end. */
    private void settle(int baseThreads) {
        Sampler.heapAfterGc();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(option("settleMs", 5000));
        while (Sampler.liveThreads() > baseThreads + 2 && System.nanoTime() - end < 0) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- capacity

    /**
     * A closed loop: {@code concurrency} generations always in flight, each job lasting {@code ms}, for
     * {@code seconds} after {@code warmupSeconds}; how many finish per minute, and what that costs the client.
     */
    void capacity() throws Exception {
        int concurrency = option("concurrency", 200);
        int seconds = option("seconds", 20);
        int warmup = option("warmupSeconds", 5);
        int ms = option("ms", 2000);
        String img = image("1m");
        int side = side(img);
        AtomicLong counted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        try (Stub stub = stub(0); SeedreamClient client = library(stub); Sampler sampler = new Sampler(50)) {
            long start = System.nanoTime();
            long from = start + TimeUnit.SECONDS.toNanos(warmup);
            long end = from + TimeUnit.SECONDS.toNanos(seconds);
            CountDownLatch chains = new CountDownLatch(concurrency);
            AtomicLong names = new AtomicLong();
            Runnable[] next = new Runnable[1];
            next[0] = () -> client.generateAsync(request("capacity ms=" + ms + " img=" + img + " i="
                    + names.incrementAndGet(), side)).whenComplete((result, error) -> {
                        long now = System.nanoTime();
                        if (error != null) {
                            // a chain that fails ends: a failure can come back at once, and go round forever
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, error);
                            chains.countDown();
                            return;
                        }
                        if (now - from >= 0 && now - end < 0) {
                            counted.incrementAndGet();
                        }
                        if (now - end < 0) {
                            next[0].run();
                        } else {
                            chains.countDown();
                        }
                    });
            for (int i = 0; i < concurrency; i++) {
                next[0].run();
            }
            TimeUnit.NANOSECONDS.sleep(from - System.nanoTime());
            Map<String, Long> stubFrom = stub.stats();
            long cpuFrom = Sampler.cpuNanos();
            TimeUnit.NANOSECONDS.sleep(end - System.nanoTime());
            long cpuEnd = Sampler.cpuNanos();
            Map<String, Long> stubEnd = stub.stats();
            if (!chains.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("generations still running 5 minutes after the end");
            }
            double window = seconds;
            long n = counted.get();
            out.put("concurrency", concurrency + " generations always in flight, jobs of " + ms + " ms, image "
                    + img);
            out.put("measured seconds", seconds + " after " + warmup + " warm-up");
            out.put("generations per minute", f(n * 60 / window));
            out.put("ceiling from the job time alone (concurrency x 60 s / ms)", ms == 0 ? "none"
                    : f(concurrency * 60_000.0 / ms));
            out.put("client CPU, cores busy", f((cpuEnd - cpuFrom) / 1e9 / window));
            out.put("client CPU ms per generation", n == 0 ? "-" : f((cpuEnd - cpuFrom) / 1e6 / n));
            if (stub.ownProcess()) {
                out.put("stub CPU, cores busy", f((stubEnd.get("cpuNanos") - stubFrom.get("cpuNanos")) / 1e9 / window));
            }
            out.put("status calls per generation", n == 0 ? "-"
                    : f((stubEnd.get("polls") - stubFrom.get("polls")) / (double) n));
            out.put("peak live threads (whole JVM)", String.valueOf(Sampler.peakThreads()));
            out.put("peak heap used", mib(sampler.peakHeap()) + " of " + mib(Runtime.getRuntime().maxMemory()));
            out.put("failed", failed.get() + (firstFailure.get() == null ? "" : " (first: "
                    + firstFailure.get() + ")"));
        }
    }
}
