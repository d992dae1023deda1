package io.github.seedream4j.cli;

import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Routes {@code java.util.logging} (where the library's {@code System.Logger} records end up) to the CLI's stderr,
 * one sanitised line per record, and only with {@code --verbose} (INFO and above) or {@code --debug} (DEBUG and
 * above). Without them the library's loggers are off, so nothing is even formatted; every other logger (the JDK's
 * own) is always off. The JDK's default console handler, which prints two lines per record, is removed. Records of the event logger are left out: the CLI reports those events
 * itself (warnings, failures, and {@code --verbose}'s {@code event=} lines), so each is printed once.
 */
final class CliLogging {

    static final String EVENTS_LOGGER = "io.github.seedream4j.events";

    // JUL holds loggers weakly; these references keep their configuration alive
    private static final Logger ROOT = LogManager.getLogManager().getLogger("");
    /** The library's loggers; the JDK's own (its HTTP client's debug log, say) stay off. */
    private static final Logger LIBRARY = Logger.getLogger("io.github.seedream4j");
    private static final AtomicReference<Io> CURRENT = new AtomicReference<>();
    private static final Handler HANDLER = new CliHandler();

    private CliLogging() {
    }

    /** Sends records to {@code io} at the level its switches ask for, until {@link #end}. */
    static synchronized void begin(Io io) {
        for (Handler h : ROOT.getHandlers()) {
            if (h instanceof ConsoleHandler) {
                ROOT.removeHandler(h);
            }
        }
        if (!java.util.Arrays.asList(ROOT.getHandlers()).contains(HANDLER)) {
            ROOT.addHandler(HANDLER);
        }
        CURRENT.set(io);
        ROOT.setLevel(Level.OFF);
        level(io);
    }

    /** Re-reads the switches, which picocli sets after {@link #begin}. */
    static void level(Io io) {
        // TRACE stays off: at that level the HTTP layer logs request headers
        LIBRARY.setLevel(io.debug ? Level.FINE : io.verbose ? Level.INFO : Level.OFF);
    }

    /** Stops printing records of this run; records logged later (by threads still winding down) are dropped. */
    static synchronized void end(Io io) {
        CURRENT.compareAndSet(io, null);
        LIBRARY.setLevel(Level.OFF);
    }

    /** One line: {@code seedream: <level> [<logger>]: <message>}. */
    static String format(LogRecord r, boolean withCause) {
        String message = r.getMessage();
        Object[] params = r.getParameters();
        if (params != null && params.length > 0 && message != null) {
            try {
                message = java.text.MessageFormat.format(message, params);
            } catch (IllegalArgumentException e) {
                // keep the pattern as it is
            }
        }
        StringBuilder s = new StringBuilder("seedream: ").append(levelName(r.getLevel())).append(" [")
                .append(r.getLoggerName()).append("]: ").append(message);
        Throwable t = r.getThrown();
        if (withCause && t != null) {
            s.append(" (").append(t.getClass().getName()).append(": ").append(t.getMessage()).append(")");
        }
        return s.toString();
    }

    private static String levelName(Level level) {
        int v = level.intValue();
        return v >= Level.SEVERE.intValue() ? "error" : v >= Level.WARNING.intValue() ? "warning"
                : v >= Level.INFO.intValue() ? "info" : "debug";
    }

    private static final class CliHandler extends Handler {
        @Override
        public void publish(LogRecord r) {
            Io io = CURRENT.get();
            if (io == null || !LIBRARY.isLoggable(r.getLevel())) {
                return;
            }
            if (EVENTS_LOGGER.equals(r.getLoggerName()) && r.getThrown() == null) {
                return;
            }
            io.errLine(format(r, io.debug));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
