package io.github.seedream4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** Watches live threads and used heap while a benchmark runs, and does the small statistics. */
final class Sampler implements AutoCloseable {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final AtomicLong peakHeap = new AtomicLong();
    private volatile int mostThreads;
    private volatile String poolsAtMost = "";
    private final Thread thread;
    private volatile boolean running = true;

    /** Starts sampling every {@code periodMillis}. Peak thread count is reset now. */
    Sampler(long periodMillis) {
        THREADS.resetPeakThreadCount();
        peakHeap.set(heapUsed());
        thread = new Thread(() -> {
            while (running) {
                peakHeap.accumulateAndGet(heapUsed(), Math::max);
                int live = THREADS.getThreadCount();
                if (live > mostThreads) {
                    mostThreads = live;
                    poolsAtMost = pools();
                }
                try {
                    Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    long peakHeap() {
        peakHeap.accumulateAndGet(heapUsed(), Math::max);
        return peakHeap.get();
    }

    /**
     * {@return the live threads grouped by name without their trailing number, when the sampler saw the most, for
     * example {@code {seedream-http-=8, Thread-=12}}}
     */
    String poolsAtMost() {
        return poolsAtMost;
    }

    private static String pools() {
        java.util.Map<String, Integer> pools = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds(), 0)) {
            if (t != null) {
                pools.merge(t.getThreadName().replaceAll("\\d+$", ""), 1, Integer::sum);
            }
        }
        return pools.toString();
    }

    static int peakThreads() {
        return THREADS.getPeakThreadCount();
    }

    static int liveThreads() {
        return THREADS.getThreadCount();
    }

    /** {@return the CPU time this JVM has used, all threads, in nanoseconds} */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** {@return the bytes every thread of this JVM, ended ones included, has allocated on the heap so far} */
    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) THREADS).getTotalThreadAllocatedBytes();
    }

    /** {@return the load average over 1, 5 and 15 minutes, as {@code /proc/loadavg} has it, or the 1-minute one} */
    static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return f(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static long heapUsed() {
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** Used heap after asking for two collections: what is really held. */
    static long heapAfterGc() {
        for (int i = 0; i < 2; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return heapUsed();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }

    static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        int n = v.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    static double percentile(List<Double> values, double p) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        if (v.isEmpty()) {
            return Double.NaN;
        }
        return v.get(Math.min(v.size() - 1, (int) Math.ceil(p / 100 * v.size()) - 1));
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1024.0 / 1024.0);
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
