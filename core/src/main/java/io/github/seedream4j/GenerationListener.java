package io.github.seedream4j;

/**
 * Receives the {@link GenerationEvent}s of every generation a client runs.
 *
 * <p>Called on the thread where the event happens, possibly several threads at once: implementations must be
 * thread-safe and quick. An exception thrown by a listener is logged and otherwise ignored; it never fails a
 * generation.
 *
 * <p>Order: a generation's first event is {@link GenerationEvent.Validated}; a request refused by validation is
 * reported by a single {@link GenerationEvent.Failed} and nothing is sent. Its outcome is the first of {@link GenerationEvent.Completed}, {@link GenerationEvent.Failed}
 * or {@link GenerationEvent.Cancelled}; events after it are clean-up, for example the {@code Cancelled} that
 * follows the {@code Failed} of a generation whose deadline passed.
 */
@FunctionalInterface
public interface GenerationListener {

    /**
     * Called once per event.
     *
     * @param event the event, never {@code null}
     */
    void onEvent(GenerationEvent event);

    /**
     * Wraps {@code listener} so that it runs on a thread of its own and can never slow a generation down: events
     * wait in a queue of at most {@code queueCapacity} and reach {@code listener} one at a time, in the order they
     * were published. When the queue is full, the new event is dropped and counted in {@link Async#dropped()}; the
     * generation never waits. Use it for listeners that do I/O, such as exporters.
     *
     * <p>The thread is a daemon that ends after a short idle time; {@link Async#close()} stops accepting events
     * once the client using the wrapper is closed.
     *
     * @param listener the listener to run off the generation's threads
     * @param queueCapacity how many events may wait, at least 1
     * @return a listener to register with {@link SeedreamClient.Builder#listener(GenerationListener)}
     * @throws NullPointerException if {@code listener} is null
     * @throws InvalidRequestException if {@code queueCapacity} is less than 1
     */
    static Async async(GenerationListener listener, int queueCapacity) {
        return new AsyncListener(listener, queueCapacity);
    }

    /**
     * A listener that delivers events to another on its own thread; made by
     * {@link GenerationListener#async(GenerationListener, int)}. Thread-safe.
     */
    interface Async extends GenerationListener, AutoCloseable {

        /** {@return how many events were dropped because the queue was full or the wrapper was closed} */
        long dropped();

        /** Stops accepting events; those already queued are still delivered. Idempotent. */
        @Override
        void close();
    }
}
