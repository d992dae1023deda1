package io.github.seedream4j;

/**
 * Receives the {@link GenerationEvent}s of every generation a client runs.
 *
 * <p>Called on the thread where the event happens, possibly several threads at once: implementations must be
 * thread-safe and quick. An exception thrown by a listener is logged and otherwise ignored; it never fails a
 * generation.
 */
@FunctionalInterface
public interface GenerationListener {

    /** Called once per event. */
    void onEvent(GenerationEvent event);
}
