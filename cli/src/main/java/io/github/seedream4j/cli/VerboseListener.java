package io.github.seedream4j.cli;

import io.github.seedream4j.GenerationEvent;
import io.github.seedream4j.GenerationListener;

/** Prints each generation event as one greppable {@code key=value} line on stderr. Never prints the prompt. */
final class VerboseListener implements GenerationListener {

    private final Io io;

    VerboseListener(Io io) {
        this.io = io;
    }

    @Override
    public void onEvent(GenerationEvent event) {
        StringBuilder s = new StringBuilder("event=");
        if (event instanceof GenerationEvent.Validated) {
            GenerationEvent.Validated e = (GenerationEvent.Validated) event;
            s.append("validated");
            head(s, e);
            s.append(" pixels=").append(e.resolution()).append(" calls=").append(e.calls())
                    .append(" warnings=").append(e.warnings().size());
        } else if (event instanceof GenerationEvent.Submitted) {
            GenerationEvent.Submitted e = (GenerationEvent.Submitted) event;
            s.append("submitted");
            head(s, e);
            s.append(" call=").append(e.callIndex()).append(" job=").append(e.jobId());
        } else if (event instanceof GenerationEvent.Retried) {
            GenerationEvent.Retried e = (GenerationEvent.Retried) event;
            s.append("retried");
            head(s, e);
            s.append(" attempt=").append(e.attempt()).append(" delay=").append(e.delay().toMillis()).append("ms")
                    .append(" reason=").append(quote(e.reason()));
        } else if (event instanceof GenerationEvent.Polled) {
            GenerationEvent.Polled e = (GenerationEvent.Polled) event;
            s.append("polled");
            head(s, e);
            s.append(" job=").append(e.jobId()).append(" status=").append(e.status());
        } else if (event instanceof GenerationEvent.ImageFetched) {
            GenerationEvent.ImageFetched e = (GenerationEvent.ImageFetched) event;
            s.append("fetched");
            head(s, e);
            s.append(" pixels=").append(e.image().resolution()).append(" format=").append(e.image().format().extension())
                    .append(" bytes=").append(e.image().byteSize()).append(" took=").append(e.took().toMillis()).append("ms");
        } else if (event instanceof GenerationEvent.Completed) {
            GenerationEvent.Completed e = (GenerationEvent.Completed) event;
            s.append("completed");
            head(s, e);
            s.append(" images=").append(e.result().images().size()).append(" cost=")
                    .append(quote(e.result().charge().toString()))
                    .append(" took=").append(e.result().timings().total().toMillis()).append("ms");
        } else if (event instanceof GenerationEvent.Failed) {
            GenerationEvent.Failed e = (GenerationEvent.Failed) event;
            s.append("failed");
            head(s, e);
            s.append(" error=").append(e.error().getClass().getSimpleName()).append(" message=")
                    .append(quote(e.error().getMessage()));
        } else if (event instanceof GenerationEvent.Cancelled) {
            GenerationEvent.Cancelled e = (GenerationEvent.Cancelled) event;
            s.append("cancelled");
            head(s, e);
            s.append(" reason=").append(quote(e.reason()));
        } else {
            s.append("other");
            head(s, event);
        }
        io.errLine(s.toString());
    }

    private static void head(StringBuilder s, GenerationEvent e) {
        s.append(" generation=").append(e.generationId()).append(" provider=").append(e.providerId())
                .append(" at=").append(e.at());
    }

    private static String quote(String text) {
        return '"' + Text.line(text).replace("\"", "'") + '"';
    }
}
