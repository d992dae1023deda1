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

    private static void log(GenerationEvent e) {
        String prefix = "generation " + e.generationId() + " [" + e.providerId() + "] ";
        if (e instanceof GenerationEvent.Validated) {
            GenerationEvent.Validated v = (GenerationEvent.Validated) e;
            LOG.log(System.Logger.Level.DEBUG, () -> prefix + "validated: " + v.resolution() + ", " + v.calls()
                    + " call(s)");
            v.warnings().forEach(w -> LOG.log(System.Logger.Level.WARNING, () -> prefix + "warning " + w));
        } else if (e instanceof GenerationEvent.Submitted) {
            GenerationEvent.Submitted s = (GenerationEvent.Submitted) e;
            LOG.log(System.Logger.Level.DEBUG, () -> prefix + "submitted call " + s.callIndex() + " as job " + s.jobId());
        } else if (e instanceof GenerationEvent.Retried) {
            GenerationEvent.Retried r = (GenerationEvent.Retried) e;
            LOG.log(System.Logger.Level.INFO, () -> prefix + "retrying (attempt " + r.attempt() + ") in "
                    + r.delay().toMillis() + "ms: " + r.reason());
        } else if (e instanceof GenerationEvent.Polled) {
            GenerationEvent.Polled p = (GenerationEvent.Polled) e;
            LOG.log(System.Logger.Level.TRACE, () -> prefix + "polled job " + p.jobId() + ": " + p.status());
        } else if (e instanceof GenerationEvent.ImageFetched) {
            GenerationEvent.ImageFetched f = (GenerationEvent.ImageFetched) e;
            LOG.log(System.Logger.Level.DEBUG, () -> prefix + "fetched " + f.image() + " in " + f.took().toMillis() + "ms");
        } else if (e instanceof GenerationEvent.Completed) {
            GenerationEvent.Completed c = (GenerationEvent.Completed) e;
            LOG.log(System.Logger.Level.DEBUG, () -> prefix + "completed: " + c.result().images().size()
                    + " image(s), " + c.result().charge() + ", " + c.result().timings());
        } else if (e instanceof GenerationEvent.Failed) {
            GenerationEvent.Failed f = (GenerationEvent.Failed) e;
            LOG.log(System.Logger.Level.DEBUG, () -> prefix + "failed: " + f.error().getClass().getSimpleName() + ": "
                    + f.error().getMessage());
        } else if (e instanceof GenerationEvent.Cancelled) {
            GenerationEvent.Cancelled c = (GenerationEvent.Cancelled) e;
            LOG.log(System.Logger.Level.DEBUG, () -> prefix + "cancelled: " + c.reason());
        }
    }
}
