package io.github.seedream4j.cli;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Where the library's {@link System.Logger} records go inside the command line: to the run's stderr, one sanitised
 * line per record, and only with {@code --verbose} (INFO and above) or {@code --debug} (DEBUG and above). Without
 * them nothing is even formatted, and every other logger (the JDK's own, its HTTP client's debug log say) is always
 * off. Records of the event logger are left out: the CLI reports those events itself (warnings, failures, and
 * {@code --verbose}'s {@code event=} lines), so each is printed once; one carrying an exception is kept.
 *
 * <p>The records arrive through {@link CliLoggerFinder}, the JVM's logger finder while the CLI's jar is on the class
 * or module path, so {@code java.util.logging} is neither configured nor loaded (its set-up would cost start-up
 * time, about 30 ms, for records that are mostly off).
 */
final class CliLogging {

    static final String LIBRARY = "io.github.seedream4j";
    static final String EVENTS_LOGGER = LIBRARY + ".events";

    /** Nothing is loggable: the finder's answer for every logger outside the library. */
    private static final int OFF = Integer.MAX_VALUE;

    private static final AtomicReference<Io> CURRENT = new AtomicReference<>();
    private static volatile int threshold = OFF;

    private CliLogging() {
    }

    /** Sends the library's records to {@code io} at the level its switches ask for, until {@link #end}. */
    static void begin(Io io) {
        CURRENT.set(io);
        level(io);
    }

    /** Re-reads the switches, which picocli sets after {@link #begin}. */
    static void level(Io io) {
        if (CURRENT.get() == io) {
            // TRACE stays off: at that level the HTTP layer logs request headers
            threshold = io.debug ? System.Logger.Level.DEBUG.getSeverity()
                    : io.verbose ? System.Logger.Level.INFO.getSeverity() : OFF;
        }
    }

    /** Stops printing records of this run; records logged later (by threads still winding down) are dropped. */
    static void end(Io io) {
        if (CURRENT.compareAndSet(io, null)) {
            threshold = OFF;
        }
    }

    /** A logger of the library by {@code name}, or one that is always off for any other name. */
    static System.Logger logger(String name) {
        return name.equals(LIBRARY) || name.startsWith(LIBRARY + ".") ? new LibraryLogger(name) : Off.INSTANCE;
    }

    /** One line: {@code seedream: <level> [<logger>]: <message>}. */
    static String format(System.Logger.Level level, String logger, String message, Throwable thrown,
            boolean withCause) {
        StringBuilder s = new StringBuilder("seedream: ").append(levelName(level)).append(" [").append(logger)
                .append("]: ").append(message);
        if (withCause && thrown != null) {
            s.append(" (").append(thrown.getClass().getName()).append(": ").append(thrown.getMessage()).append(")");
        }
        return s.toString();
    }

    private static String levelName(System.Logger.Level level) {
        int v = level.getSeverity();
        return v >= System.Logger.Level.ERROR.getSeverity() ? "error"
                : v >= System.Logger.Level.WARNING.getSeverity() ? "warning"
                : v >= System.Logger.Level.INFO.getSeverity() ? "info" : "debug";
    }

    /** A library logger: loggable at the run's threshold, printing through the run's {@link Io}. */
    private record LibraryLogger(String name) implements System.Logger {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(Level level) {
            return level != Level.OFF && level.getSeverity() >= threshold && CURRENT.get() != null;
        }

        @Override
        public void log(Level level, Supplier<String> message) {
            if (isLoggable(level)) {
                print(level, message.get(), null);
            }
        }

        @Override
        public void log(Level level, Supplier<String> message, Throwable thrown) {
            if (isLoggable(level)) {
                print(level, message.get(), thrown);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            if (isLoggable(level)) {
                print(level, message, thrown);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                String message = format;
                if (params != null && params.length > 0 && format != null) {
                    try {
                        message = MessageFormat.format(format, params);
                    } catch (IllegalArgumentException e) {
                        // keep the pattern as it is
                    }
                }
                print(level, message, null);
            }
        }

        private void print(Level level, String message, Throwable thrown) {
            Io io = CURRENT.get();
            if (io == null || EVENTS_LOGGER.equals(name) && thrown == null) {
                return;
            }
            io.errLine(format(level, name, message, thrown, io.debug));
        }
    }

    /** The logger of every name outside the library. */
    private enum Off implements System.Logger {
        INSTANCE;

        @Override
        public String getName() {
            return "off";
        }

        @Override
        public boolean isLoggable(Level level) {
            return false;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        }
    }
}
