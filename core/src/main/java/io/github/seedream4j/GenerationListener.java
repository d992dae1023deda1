package io.github.seedream4j;

/**
 * Receives the {@link GenerationEvent}s of every generation a client runs.
 *
 * <p>Called on the thread where the event happens, possibly several threads at once: implementations must be
 * thread-safe and quick. An exception thrown by a listener is logged and otherwise ignored; it never fails a
 * generation.
 *
 * <p>Order: a generation's first event is {@link GenerationEvent.Validated} (a request that fails validation throws
 * before any event). Its outcome is the first of {@link GenerationEvent.Completed}, {@link GenerationEvent.Failed}
 * or {@link GenerationEvent.Cancelled}; events after it are clean-up, for example the {@code Cancelled} that
 * follows the {@code Failed} of a generation whose deadline passed.
 */
@FunctionalInterface
public interface GenerationListener {

    /** Called once per event. */
    void onEvent(GenerationEvent event);
}
