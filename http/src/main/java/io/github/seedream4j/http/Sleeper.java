package io.github.seedream4j.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between attempts. Injectable so tests run without real waiting. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the calling thread. */
    Sleeper SYSTEM = d -> TimeUnit.NANOSECONDS.sleep(d.toNanos());

    /**
     * Waits for {@code duration}.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
}
