package io.github.seedream4j.http.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor the shared JDK {@link java.net.http.HttpClient} hands its internal work to, and on which the toolkit
 * completes exchanges. The JDK's default is an unbounded cached pool per client; this one is bounded, made of daemon
 * threads, and idle threads end after a few seconds, so an idle JVM holds none of them. Only short, non-blocking
 * steps run here: blocking work goes to the generation's executor.
 */
public final class HttpThreads {

    /** The most threads, whatever the number of clients and calls. */
    public static final int MAX = 8;

    private static final ThreadPoolExecutor POOL = pool();

    private HttpThreads() {
    }

    /** {@return the shared pool} */
    public static Executor executor() {
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
