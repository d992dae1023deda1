package io.github.seedream4j.cli;

/**
 * The one sanitiser every line the CLI prints goes through. Text that came from a provider, a batch file or an
 * exception may hold terminal control sequences ({@code ESC]0;title BEL}, {@code ESC[2J}); printed raw they would
 * retitle the window, clear the screen or hide what follows. Only printable text survives.
 */
final class Text {

    /** How many characters of a user's or provider's value a message quotes. */
    static final int QUOTE_LIMIT = 40;

    private Text() {
    }

    /**
     * One printable line: a run of line breaks and tabs becomes one space (none at the start, none at the end), every
     * other control character (C0, DEL, C1), bidirectional override and isolate is dropped. Other spaces, an
     * indentation say, stay as they are.
     */
    static String line(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(text.length());
        boolean pendingBreak = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                pendingBreak = s.length() > 0;
            } else if (!unsafe(c)) {
                if (pendingBreak && s.charAt(s.length() - 1) != ' ' && c != ' ') {
                    s.append(' ');
                }
                pendingBreak = false;
                s.append(c);
            }
        }
        return s.toString().stripTrailing();
    }

    /** A line of a stack trace: as {@link #line}, but a leading tab stays, so traces keep their shape. */
    static String traceLine(String text) {
        return text.startsWith("\t") ? "\t" + line(text) : line(text);
    }

    /**
     * A value quoted in a message: sanitised, and cut to {@value #QUOTE_LIMIT} characters with an ellipsis, so a
     * hostile 100-million-character value costs a message no more than a short one.
     */
    static String quote(String value) {
        return "'" + prefix(value, QUOTE_LIMIT) + "'";
    }

    /** At most {@code max} characters of the sanitised value, with an ellipsis when cut. */
    static String prefix(String value, int max) {
        String head = value == null ? "" : value.length() > max * 4 ? value.substring(0, max * 4) : value;
        String clean = line(head);
        if (clean.length() > max) {
            return clean.substring(0, max) + "…";
        }
        return value != null && head.length() < value.length() ? clean + "…" : clean;
    }

    /** Whether {@code c} may never reach a terminal: C0 and C1 controls, DEL, and bidirectional controls. */
    static boolean unsafe(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f' || c == '\u061c';
    }
}
