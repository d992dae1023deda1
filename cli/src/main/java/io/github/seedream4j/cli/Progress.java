package io.github.seedream4j.cli;

import io.github.seedream4j.Cost;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The batch's progress on stderr: on a terminal, a bar redrawn in place (count, percent, rate, ETA, spent against
 * {@code --max-cost}); otherwise one {@code key=value} record per interval, in a fixed format a log reader can
 * parse (documented in the README; a new key may be added at the end, none is removed or renamed). A few dozen
 * lines of its own rather than a library: it must interleave with the CLI's other stderr lines (see
 * {@link Io#status}) and show the budget, and the CLI takes no dependency for it.
 */
final class Progress {

    /** How progress is shown. */
    enum Mode {
        /** A bar on a terminal, records otherwise. */
        AUTO,
        /** The bar. */
        BAR,
        /** Records. */
        LINES,
        /** Nothing. */
        NONE
    }

    private final Io io;
    private final Ledger ledger;
    private final Cost budget;
    private final boolean bar;
    private final boolean enabled;
    private final Duration every;
    private final LongSupplier clock;
    private final long start;
    private Thread ticker;
    private volatile boolean shown;

    Progress(Io io, Ledger ledger, Cost budget, Mode mode, Duration every, LongSupplier clock) {
        this.io = io;
        this.ledger = ledger;
        this.budget = budget;
        this.bar = mode == Mode.BAR || mode == Mode.AUTO && io.errIsTerminal();
        this.enabled = mode != Mode.NONE;
        this.every = bar ? Duration.ofMillis(200) : every;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    synchronized void start() {
        if (!enabled) {
            return;
        }
        ticker = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(every.toMillis());
                    show();
                }
            } catch (InterruptedException e) {
                // stopped
            }
        }, "seedream-batch-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    /** Stops the ticker and shows the final state once. */
    void stop() {
        Thread t;
        synchronized (this) {
            t = ticker;
            ticker = null;
        }
        if (t == null) {
            return;
        }
        t.interrupt();
        try {
            t.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // a run shorter than one interval prints no record at all; a longer one ends with the final figures
        if (bar || shown) {
            show();
        }
        if (bar) {
            io.endStatus();
        }
    }

    private void show() {
        shown = true;
        double seconds = (clock.getAsLong() - start) / 1e9;
        Ledger.Totals t = ledger.totals();
        if (bar) {
            io.status(bar(t, seconds, budget, columns()));
        } else {
            io.errLine(record(t, seconds, budget));
        }
    }

    /** The bar line, fitted to {@code columns}. */
    static String bar(Ledger.Totals t, double seconds, Cost budget, int columns) {
        int finished = t.finished();
        int percent = t.total() == 0 ? 100 : (int) (100L * finished / t.total());
        double rate = rate(t, seconds);
        StringBuilder tail = new StringBuilder();
        tail.append(String.format(Locale.ROOT, " %3d%% %d/%d", percent, finished, t.total()));
        if (t.failed() > 0) {
            tail.append(", ").append(t.failed()).append(" failed");
        }
        tail.append(", ").append(t.running()).append(" running, ");
        tail.append(String.format(Locale.ROOT, "%.2f/s, ETA %s, ", rate, eta(t, rate)));
        tail.append(t.spent().amount().toPlainString());
        if (budget != null) {
            tail.append("/").append(budget.amount().toPlainString());
        }
        tail.append(" ").append(t.spent().currency().getCurrencyCode());
        // the whole line must fit, or the terminal wraps it and \r redraws only its last part
        int width = Math.max(10, Math.min(30, columns - 1 - tail.length() - 2));
        int filled = t.total() == 0 ? width : (int) ((long) width * finished / t.total());
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "]" + tail;
    }

    /**
     * One record: {@code progress done=N total=N percent=N failed=N skipped=N changed=N running=N rate=R eta_s=N
     * spent=A max_cost=A currency=C elapsed_s=N}; an unknown value is {@code -}.
     */
    static String record(Ledger.Totals t, double seconds, Cost budget) {
        double rate = rate(t, seconds);
        int percent = t.total() == 0 ? 100 : (int) (100L * t.finished() / t.total());
        String eta = rate > 0 ? String.valueOf(Math.round(remaining(t) / rate)) : remaining(t) == 0 ? "0" : "-";
        return String.format(Locale.ROOT, "seedream: progress done=%d total=%d percent=%d failed=%d skipped=%d "
                + "changed=%d running=%d rate=%.2f eta_s=%s spent=%s max_cost=%s currency=%s elapsed_s=%d",
                t.done() + t.earlier(), t.total(), percent, t.failed(), t.skipped(), t.changed(), t.running(), rate,
                eta, t.spent().amount().toPlainString(), budget == null ? "-" : budget.amount().toPlainString(),
                t.spent().currency().getCurrencyCode(), Math.round(seconds));
    }

    private static double rate(Ledger.Totals t, double seconds) {
        return seconds > 0 ? t.done() / seconds : 0;
    }

    private static int remaining(Ledger.Totals t) {
        return Math.max(0, t.total() - t.finished());
    }

    private static String eta(Ledger.Totals t, double rate) {
        if (remaining(t) == 0) {
            return "0s";
        }
        if (rate <= 0) {
            return "?";
        }
        long s = Math.round(remaining(t) / rate);
        return s < 120 ? s + "s" : s < 7200 ? (s / 60) + "m" + (s % 60) + "s" : (s / 3600) + "h" + (s % 3600 / 60) + "m";
    }

    private static int columns() {
        try {
            String c = System.getenv("COLUMNS");
            return c == null ? 80 : Math.max(40, Integer.parseInt(c.strip()));
        } catch (NumberFormatException e) {
            return 80;
        }
    }
}
