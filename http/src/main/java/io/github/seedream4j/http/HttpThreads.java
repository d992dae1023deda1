package io.github.seedream4j.http;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor our JDK {@link java.net.http.HttpClient}s run their own small tasks on (handing response bodies
 * over, completing futures). The JDK's default is a cached pool per client, which grows a thread for every
 * exchange in progress: 1,000 generations polling at once ran 55 of them besides the client's workers. Nothing
 * of ours blocks on these threads, so a few, shared by every client and idle-timed-out, serve them all.
 */
final class HttpThreads {

    private static final int THREADS = 8;
    private static final Executor SHARED = create();

    private HttpThreads() {
    }

    static Executor shared() {
        return SHARED;
    }

    private static Executor create() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "seedream-http-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
