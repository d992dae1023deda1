package io.github.seedream4j.http;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor every JDK {@link java.net.http.HttpClient} made here hands its internal work to. The JDK's default
 * is an unbounded cached pool per client, which grew by dozens of threads under a burst of concurrent calls; this
 * one is shared, bounded, made of daemon threads, and idle threads end after a few seconds. The JDK only runs
 * short, non-blocking steps on it (response bodies are read on the caller's thread), so a small pool suffices.
 */
final class HttpThreads {

    /** The most threads, whatever the number of clients and calls. */
    static final int MAX = 8;

    private static final ThreadPoolExecutor POOL = pool();

    private HttpThreads() {
    }

    static Executor executor() {
        return POOL;
    }

    private static ThreadPoolExecutor pool() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX, MAX, 2, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "seedream-http-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
