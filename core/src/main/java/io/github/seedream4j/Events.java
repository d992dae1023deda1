package io.github.seedream4j;

import java.util.List;

/**
 * Delivers events to listeners, logging each, so that nothing a listener throws (an {@link Error} included) reaches
 * the generation. Called on the client's event threads, one generation's events in order.
 */
final class Events {

    private static final System.Logger LOG = System.getLogger("io.github.seedream4j.events");

    private final List<GenerationListener> listeners;

    /** @param listeners called in order for every event */
    Events(List<GenerationListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** {@return whether any listener is registered} */
    boolean hasListeners() {
        return !listeners.isEmpty();
    }

    /** Logs {@code event} and hands it to every listener, isolating their failures. */
    void publish(GenerationEvent event) {
        log(event);
        for (GenerationListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (Throwable e) {
                LOG.log(System.Logger.Level.WARNING, () -> "generation " + event.generationId() + " ["
                        + event.providerId() + "] listener " + l.getClass().getName() + " threw on "
                        + event.getClass().getSimpleName() + "; ignored: " + e, e);
            }
        }
    }

    /** The start of every log line of {@code e}'s generation; built only for a record that is logged. */
    private static String prefix(GenerationEvent e) {
        return "generation " + e.generationId() + " [" + e.providerId() + "] ";
    }

    private static void log(GenerationEvent e) {
        if (e instanceof GenerationEvent.Validated) {
            GenerationEvent.Validated v = (GenerationEvent.Validated) e;
            LOG.log(System.Logger.Level.DEBUG, () -> prefix(e) + "validated: " + v.resolution() + ", " + v.calls()
                    + " call(s)");
            v.warnings().forEach(w -> LOG.log(System.Logger.Level.WARNING, () -> prefix(e) + "warning " + w));
        } else if (e instanceof GenerationEvent.Submitted) {
            GenerationEvent.Submitted s = (GenerationEvent.Submitted) e;
            LOG.log(System.Logger.Level.DEBUG, () -> prefix(e) + "submitted call " + s.callIndex() + " as job "
                    + s.jobId());
        } else if (e instanceof GenerationEvent.Retried) {
            GenerationEvent.Retried r = (GenerationEvent.Retried) e;
            LOG.log(System.Logger.Level.INFO, () -> prefix(e) + "retrying (attempt " + r.attempt() + ") in "
                    + r.delay().toMillis() + "ms: " + r.reason());
        } else if (e instanceof GenerationEvent.Polled) {
            GenerationEvent.Polled p = (GenerationEvent.Polled) e;
            LOG.log(System.Logger.Level.TRACE, () -> prefix(e) + "polled job " + p.jobId() + ": " + p.status());
        } else if (e instanceof GenerationEvent.ImageFetched) {
            GenerationEvent.ImageFetched f = (GenerationEvent.ImageFetched) e;
            LOG.log(System.Logger.Level.DEBUG, () -> prefix(e) + "fetched " + f.image() + " in " + f.took().toMillis()
                    + "ms");
        } else if (e instanceof GenerationEvent.Completed) {
            GenerationEvent.Completed c = (GenerationEvent.Completed) e;
            LOG.log(System.Logger.Level.DEBUG, () -> prefix(e) + "completed: " + c.result().images().size()
                    + " image(s), " + c.result().charge() + ", " + c.result().timings());
        } else if (e instanceof GenerationEvent.Failed) {
            GenerationEvent.Failed f = (GenerationEvent.Failed) e;
            LOG.log(System.Logger.Level.DEBUG, () -> prefix(e) + "failed: " + f.error().getClass().getSimpleName()
                    + ": " + f.error().getMessage());
        } else if (e instanceof GenerationEvent.Cancelled) {
            GenerationEvent.Cancelled c = (GenerationEvent.Cancelled) e;
            LOG.log(System.Logger.Level.DEBUG, () -> prefix(e) + "cancelled: " + c.reason());
        }
    }
}
