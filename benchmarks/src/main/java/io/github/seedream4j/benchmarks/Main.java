package io.github.seedream4j.benchmarks;

import static io.github.seedream4j.benchmarks.Sampler.f;
import static io.github.seedream4j.benchmarks.Sampler.median;
import static io.github.seedream4j.benchmarks.Sampler.mib;

import io.github.seedream4j.GenerationEvent;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.ImageDestination;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.SeedreamClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * The plain benchmark harness: {@code java -jar benchmarks.jar <case> [key=value ...]}. Each case prints what it
 * measured, one {@code key: value} per line, after the load average. Cases: {@code overhead}, {@code inflight},
 * {@code capacity} (each with {@code provider=runpod|cloudflare|modelark|fal|replicate}, seedream4j beside a raw JDK
 * client, the stub in a process of its own), {@code notice}, {@code inflight-fake}, {@code disk}, {@code png}; and
 * {@code stub}, which only serves the stubs ({@link Stub}). Run each case in its own JVM.
 */
public final class Main {

    private final Map<String, String> options;
    private final Map<String, String> out = new LinkedHashMap<>();

    Main(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java -jar benchmarks.jar <overhead|inflight|capacity|notice|inflight-fake|"
                    + "disk|png|stub> [key=value ...]");
            System.exit(2);
        }
        if (args[0].equals("stub")) {
            Stub.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Map<String, String> result = new Main(options(args, 1)).run(args[0]);
        result.forEach((k, v) -> System.out.println(k + ": " + v));
        System.exit(0);
    }

    /** {@code key=value} arguments from {@code from} on; a bare {@code key} is {@code key=true}. */
    static Map<String, String> options(String[] args, int from) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = from; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        return options;
    }

    Map<String, String> run(String name) throws Exception {
        out.put("case", name);
        out.put("load average (1, 5, 15 min)", Sampler.loadAverage());
        switch (name) {
            case "overhead":
                new SideBySide(options, out).overhead();
                break;
            case "inflight":
                new SideBySide(options, out).inflight();
                break;
            case "capacity":
                new SideBySide(options, out).capacity();
                break;
            case "notice":
                notice();
                break;
            case "inflight-fake":
                inflightFake();
                break;
            case "disk":
                disk();
                break;
            case "png":
                png();
                break;
            default:
                throw new IllegalArgumentException("unknown case '" + name + "'");
        }
        return out;
    }

    private int option(String key, int fallback) {
        return Integer.parseInt(options.getOrDefault(key, String.valueOf(fallback)));
    }

    /** A Runpod client of {@code b} against a stub in this JVM. */
    private static SeedreamClient runpod(Stub stub, SeedreamClient.Builder b) {
        return b.provider("runpod").settings(Provider.RUNPOD.settings(stub.url(), "url", 60))
                .systemProperties(k -> null).environment(k -> null).build();
    }

    private static GenerationRequest request(String prompt, int side) {
        return GenerationRequest.of(prompt).withSize(ImageSize.exact(side, side));
    }

    // ---------------------------------------------------------------- completion notice, /run + polling

    /** Jobs of several ages, all at once; how long after each finished did the client see COMPLETED. */
    private void notice() throws Exception {
        int perAge = option("count", 10);
        int[] ages = parseAges(options.getOrDefault("ages", "500,1000,2000,5000,10000"));
        Map<String, Long> seen = new ConcurrentHashMap<>();
        try (Stub stub = Stub.start(false, 2, 0);
                SeedreamClient client = runpod(stub, SeedreamClient.builder().listener(e -> {
                    if (e instanceof GenerationEvent.Polled && ((GenerationEvent.Polled) e).status().equals("COMPLETED")) {
                        seen.putIfAbsent(((GenerationEvent.Polled) e).jobId(), System.nanoTime());
                    }
                }))) {
            client.generate(request("warm ms=0", 1024)); // class loading and the first connection
            Map<Integer, List<CompletableFuture<GenerationResult>>> byAge = new TreeMap<>();
            for (int age : ages) {
                for (int i = 0; i < perAge; i++) {
                    byAge.computeIfAbsent(age, a -> new ArrayList<>())
                            .add(client.generateAsync(request("notice ms=" + spread(age, i, perAge) + " i=" + i, 1024)));
                }
            }
            long statusBefore = stub.stats().get("polls");
            for (Map.Entry<Integer, List<CompletableFuture<GenerationResult>>> e : byAge.entrySet()) {
                List<Double> late = new ArrayList<>();
                for (CompletableFuture<GenerationResult> f : e.getValue()) {
                    String job = f.get().jobIds().get(0);
                    late.add((seen.get(job) - stub.doneAt(job)) / 1e6);
                }
                double target = Math.max(250, e.getKey() * 0.10);
                out.put("jobs of " + e.getKey() + " ms +-25%: noticed late, median ms", f(median(late)) + " (max "
                        + f(Sampler.percentile(late, 100)) + ", target <= " + f(target) + ")");
            }
            out.put("status polls per job", f((stub.stats().get("polls") - statusBefore) / (double) (ages.length * perAge)));
        }
    }

    /**
     * Job {@code i} of {@code n} with nominal age {@code age} lasts between 0.75 and 1.25 times it, evenly spread:
     * jobs of one exact age would all meet the poll schedule at the same phase and give one sample, not a median.
     */
    static long spread(int age, int i, int n) {
        return Math.round(age * (0.75 + 0.5 * (i + 0.5) / n));
    }

    private static int[] parseAges(String text) {
        return java.util.Arrays.stream(text.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    // ---------------------------------------------------------------- many generations in flight

    private void inflightFake() throws Exception {
        int n = option("n", 1000);
        int latency = option("ms", 2000);
        int side = option("side", 1024);
        try (SeedreamClient client = SeedreamClient.builder().provider("fake").setting("latency", latency + "ms")
                .build()) {
            client.generate(request("warm", side));
            inflight(client, n, i -> request("inflight " + i, side), latency);
        }
    }

    private void inflight(SeedreamClient client, int n, java.util.function.IntFunction<GenerationRequest> requests,
            long idealMillis) throws Exception {
        long baseline = Sampler.heapAfterGc();
        int threadsBefore = Sampler.liveThreads();
        try (Sampler sampler = new Sampler(10)) {
            long t0 = System.nanoTime();
            List<CompletableFuture<GenerationResult>> all = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                all.add(client.generateAsync(requests.apply(i)));
            }
            long submitted = System.nanoTime();
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
            double wall = (System.nanoTime() - t0) / 1e6;
            out.put("generations", String.valueOf(n));
            out.put("submitting all took ms", f((submitted - t0) / 1e6));
            out.put("wall ms", f(wall));
            out.put("wall / ideal", f(wall / idealMillis));
            out.put("live threads before", String.valueOf(threadsBefore));
            out.put("peak live threads (whole JVM)", String.valueOf(Sampler.peakThreads()));
            out.put("live threads at the end, by pool", threadPools());
            out.put("peak heap used", mib(sampler.peakHeap()));
            out.put("heap used before (after GC)", mib(baseline));
            out.put("max heap (-Xmx)", mib(Runtime.getRuntime().maxMemory()));
        }
    }

    /** Live threads grouped by name without their trailing number, e.g. {@code seedream-runpod-worker-=32}. */
    static String threadPools() {
        Map<String, Integer> pools = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            pools.merge(t.getName().replaceAll("\\d+$", ""), 1, Integer::sum);
        }
        return pools.toString();
    }

    // ---------------------------------------------------------------- a 4K image streamed to disk

    private void disk() throws Exception {
        int runs = option("runs", 3);
        boolean memory = options.containsKey("memory");
        Path dir = Files.createTempDirectory("seedream-bench");
        try (Stub stub = Stub.start(false, 2, 0); SeedreamClient client = runpod(stub, SeedreamClient.builder())) {
            client.generate(request("warm ms=0", 1024), ImageDestination.directory(dir, "warm", true));
            List<Double> growth = new ArrayList<>();
            List<Double> retained = new ArrayList<>();
            List<Double> took = new ArrayList<>();
            long size = 0;
            for (int i = 0; i < runs; i++) {
                long before = Sampler.heapAfterGc();
                try (Sampler sampler = new Sampler(1)) {
                    long t0 = System.nanoTime();
                    GenerationResult r = client.generate(request("disk ms=0 img=4k", 4096),
                            memory ? ImageDestination.memory() : ImageDestination.directory(dir, "4k", true));
                    took.add((System.nanoTime() - t0) / 1e6);
                    size = r.image().byteSize();
                    growth.add((double) (sampler.peakHeap() - before));
                    r = null;
                }
                retained.add((double) (Sampler.heapAfterGc() - before));
            }
            out.put("destination", memory ? "memory" : "directory");
            out.put("image bytes", size + " (" + mib(size) + ")");
            out.put("max heap (-Xmx)", mib(Runtime.getRuntime().maxMemory()));
            out.put("peak heap growth during the download, median", mib((long) median(growth)));
            out.put("heap retained after GC, median", mib((long) median(retained)));
            out.put("took ms, median", f(median(took)));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    // ---------------------------------------------------------------- the fake's PNGs against ImageIO

    private void png() throws Exception {
        int[] sides = parseAges(options.getOrDefault("sides", "1024,2048,4096"));
        int reps = option("reps", 15);
        try (SeedreamClient client = SeedreamClient.builder().provider("fake").build()) {
            for (int side : sides) {
                int r = side >= 4096 ? Math.max(3, reps / 3) : reps;
                GenerationRequest request = request("a lighthouse at dawn", side);
                byte[] png = null;
                List<Double> fake = new ArrayList<>();
                for (int i = 0; i < r + 3; i++) {
                    long t0 = System.nanoTime();
                    png = client.generate(request.withSeed(io.github.seedream4j.Seed.of(i))).image().bytes();
                    if (i >= 3) {
                        fake.add((System.nanoTime() - t0) / 1e6);
                    }
                }
                BufferedImage pixels = ImageIO.read(new ByteArrayInputStream(png));
                List<Double> imageIo = new ArrayList<>();
                int ir = Math.max(3, r / 3);
                for (int i = 0; i < ir + 1; i++) {
                    long t0 = System.nanoTime();
                    ImageIO.write(pixels, "png", OutputStream.nullOutputStream());
                    if (i >= 1) {
                        imageIo.add((System.nanoTime() - t0) / 1e6);
                    }
                }
                out.put(side + "x" + side + " fake generate median ms", f(median(fake)) + " (" + png.length + " bytes)");
                out.put(side + "x" + side + " ImageIO.write same pixels median ms", f(median(imageIo)));
                out.put(side + "x" + side + " ImageIO / fake", f(median(imageIo) / median(fake)));
            }
        }
    }
}
