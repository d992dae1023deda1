package io.github.seedream4j.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Where a run of the command line reads and writes, and the switches every command shares. Every line printed goes
 * through {@link Text}, so nothing a provider or a file says can drive the terminal; only this class touches the
 * streams. On a terminal it also owns the live status line (the batch progress bar) and keeps it below every
 * message. Thread-safe.
 */
final class Io {

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean outTerminal;
    private final boolean errTerminal;
    private String status;
    volatile boolean debug;
    volatile boolean verbose;

    Io(InputStream in, PrintStream out, PrintStream err, boolean outTerminal, boolean errTerminal) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.outTerminal = outTerminal;
        this.errTerminal = errTerminal;
    }

    /** Streams that are no terminal, as in tests and pipes. */
    Io(InputStream in, PrintStream out, PrintStream err) {
        this(in, out, err, false, false);
    }

    boolean outIsTerminal() {
        return outTerminal;
    }

    boolean errIsTerminal() {
        return errTerminal;
    }

    /** Standard input, for {@code --set api-key=-}. */
    InputStream in() {
        return in;
    }

    /** Standard output as bytes, for {@code --out -}; the caller flushes. */
    OutputStream binaryOut() {
        return out;
    }

    /** One line on stdout. */
    void println(String line) {
        synchronized (this) {
            out.println(Text.line(line));
            out.flush();
        }
    }

    /** A line of help or version text on stdout: the CLI's own text, tabs and all, with no control character. */
    void printHelpLine(String line) {
        StringBuilder s = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!Text.unsafe(c) || c == '\t') {
                s.append(c);
            }
        }
        synchronized (this) {
            out.println(s);
            out.flush();
        }
    }

    /** One line on stdout, printed as given: only for JSON, whose writer escapes every control character. */
    void printJson(String json) {
        synchronized (this) {
            out.println(json);
            out.flush();
        }
    }

    /** One line on stderr, prefixed so it is clear which tool speaks. */
    void error(String message) {
        errLine("seedream: " + message);
    }

    /** A warning on stderr. */
    void warn(String message) {
        errLine("seedream: warning: " + message);
    }

    /** A line on stderr, below which the status line (if any) is redrawn. */
    synchronized void errLine(String line) {
        clearStatusLocked();
        err.println(Text.line(line));
        redrawStatusLocked();
        err.flush();
    }

    /** The stack trace of {@code t}, line by line through the sanitiser; only with {@code --debug}. */
    synchronized void trace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        clearStatusLocked();
        w.toString().lines().forEach(l -> err.println(Text.traceLine(l)));
        redrawStatusLocked();
        err.flush();
    }

    /** Shows (or replaces) the live status line at the bottom of a terminal. */
    synchronized void status(String line) {
        status = Text.line(line);
        err.print("\r" + status + "\u001b[K");
        err.flush();
    }

    /** Ends the status line: it stays on screen as printed last, and the next output starts below it. */
    synchronized void endStatus() {
        if (status != null) {
            status = null;
            err.println();
            err.flush();
        }
    }

    private void clearStatusLocked() {
        if (status != null) {
            err.print("\r\u001b[K");
        }
    }

    private void redrawStatusLocked() {
        if (status != null) {
            err.print(status + "\u001b[K");
        }
    }
}
