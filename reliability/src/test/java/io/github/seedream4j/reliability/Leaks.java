package io.github.seedream4j.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a generation may leave behind: threads and files. */
final class Leaks {

    private Leaks() {
    }

    /** The live threads whose name starts with {@code prefix}. */
    static List<String> threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(prefix)).sorted().collect(Collectors.toList());
    }

    /** The live threads whose stack runs through a class whose name contains {@code fragment}. */
    static List<String> threadsInside(String fragment) {
        return Thread.getAllStackTraces().entrySet().stream().filter(e -> e.getKey().isAlive())
                .filter(e -> java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().contains(fragment)))
                .map(e -> e.getKey().getName()).sorted().collect(Collectors.toList());
    }

    /** Live threads counted by name with trailing numbers removed, for example {@code seedream-runpod-worker}. */
    static Map<String, Long> threadPools() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(t -> t.getName().replaceAll("[-#]?\\d+", ""))
                .collect(Collectors.groupingBy(n -> n, TreeMap::new, Collectors.counting()));
    }

    /**
     * The live {@code seedream-} threads, after giving stopped pools up to {@code settle} to wind down. This includes
     * the shared {@code seedream-http-} pool, whose idle threads end 2 s after their last work.
     */
    static List<String> seedreamThreadsAfter(Duration settle) {
        await(() -> threads("seedream-").isEmpty(), settle);
        return threads("seedream-");
    }

    /** The live threads of the clients of {@code providerId} ({@code seedream-<id>-worker/timer}), after a settle. */
    static List<String> clientThreadsAfter(String providerId, Duration settle) {
        String prefix = "seedream-" + providerId + "-";
        await(() -> threads(prefix).isEmpty(), settle);
        return threads(prefix);
    }

    /** Every file in {@code dir}, hidden ones ({@code .img.png...part}) included; empty when it does not exist. */
    static List<String> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of file descriptors this process has open, or -1 where {@code /proc/self/fd} does not exist. */
    static long openFileDescriptors() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        try (Stream<Path> s = Files.list(fds)) {
            return s.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Waits until {@code condition} holds or {@code limit} passes; returns whether it held. */
    static boolean await(BooleanSupplier condition, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
