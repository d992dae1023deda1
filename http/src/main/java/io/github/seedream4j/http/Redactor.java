package io.github.seedream4j.http;

import io.github.seedream4j.spi.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way the toolkit makes text fit for a message or a log line: URLs lose their user-info (shown as
 * {@code ***@}), query (shown as {@code ?...}, since signed URLs carry tokens there) and fragment; credentials are
 * replaced by {@code ****}, also inside text a server sent back; control characters (a terminal escape, a carriage
 * return) are removed; server text is put on one line and shortened. Immutable and thread-safe.
 *
 * <pre>{@code
 * Redactor.url(URI.create("https://user:pw@cdn.example/img.png?X-Sig=abc"))  // "https://***@cdn.example/img.png?..."
 * Redactor.of(apiKey).serverText("{\"error\":\"key sk-123 is invalid\"}")     // "{"error":"key **** is invalid"}"
 * }</pre>
 */
public final class Redactor {

    /** The most characters of server text {@link #serverText(String)} keeps. */
    public static final int MAX_SERVER_TEXT = 300;

    private static final Pattern URL = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^\\s\"'<>]+");
    private static final Redactor NONE = new Redactor(List.of());

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /**
     * A redactor that also hides the given credentials.
     *
     * @param secrets the credentials, never {@code null}; empty ones are ignored
     * @return the redactor
     * @throws NullPointerException if an argument is null
     */
    public static Redactor of(Secret... secrets) {
        return of(List.of(secrets));
    }

    /**
     * A redactor that also hides the given credentials.
     *
     * @param secrets the credentials, never {@code null} and holding no {@code null}; empty ones are ignored
     * @return the redactor
     * @throws NullPointerException if the collection or an element is null
     */
    public static Redactor of(Collection<Secret> secrets) {
        List<String> values = new ArrayList<>();
        for (Secret s : secrets) {
            String v = Objects.requireNonNull(s, "secret").reveal();
            if (!v.isEmpty()) {
                values.add(v);
                String encoded = URLEncoder.encode(v, StandardCharsets.UTF_8);
                if (!encoded.equals(v)) {
                    values.add(encoded);
                }
            }
        }
        // the longest first, so that a credential containing another is hidden whole
        values.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return new Redactor(List.copyOf(values));
    }

    /** {@return a redactor that hides no credential, only URL parts and control characters} */
    public static Redactor none() {
        return NONE;
    }

    /**
     * {@return {@code url} fit for a message: scheme, host, port and path; user-info shown as {@code ***@}, a query
     * as {@code ?...}, no fragment}
     *
     * @param url the URL, or {@code null} (gives {@code "(no URL)"})
     */
    public static String url(URI url) {
        if (url == null) {
            return "(no URL)";
        }
        if (url.getRawAuthority() == null) {
            return url(url.toString());
        }
        String authority = url.getRawAuthority();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = "***@" + authority.substring(at + 1);
        }
        String s = (url.getScheme() == null ? "" : url.getScheme() + "://") + authority
                + (url.getRawPath() == null ? "" : url.getRawPath());
        return withoutControls(url.getRawQuery() == null ? s : s + "?...");
    }

    /**
     * {@return {@code url} fit for a message, as {@link #url(URI)}; text that does not parse as a URI is redacted
     * by pattern: everything between {@code ://} and the last {@code @} of the authority, and everything after
     * {@code ?} or {@code #}}
     *
     * @param url the URL as text, or {@code null}
     */
    public static String url(String url) {
        if (url == null) {
            return "(no URL)";
        }
        try {
            URI u = new URI(url.strip());
            if (u.getRawAuthority() != null) {
                return url(u);
            }
        } catch (URISyntaxException e) {
            // redacted by pattern below
        }
        String s = url.strip();
        int cut = indexOfAny(s, '?', '#');
        String tail = cut >= 0 ? "?..." : "";
        if (cut >= 0) {
            s = s.substring(0, cut);
        }
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            int start = scheme + 3;
            int slash = s.indexOf('/', start);
            int end = slash < 0 ? s.length() : slash;
            int at = s.lastIndexOf('@', end - 1);
            if (at >= start) {
                s = s.substring(0, start) + "***@" + s.substring(at + 1);
            }
        }
        return withoutControls(s + tail);
    }

    /**
     * {@return {@code text} with every credential replaced by {@code ****}, every URL in it redacted as by
     * {@link #url(String)} and control characters removed (line breaks and tabs become spaces)}
     *
     * @param text the text, or {@code null} (gives {@code null})
     */
    public String text(String text) {
        if (text == null) {
            return null;
        }
        String t = text;
        for (String s : secrets) {
            t = t.replace(s, "****");
        }
        Matcher m = URL.matcher(t);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(url(m.group())));
        }
        m.appendTail(out);
        return withoutControls(out.toString());
    }

    /**
     * {@return text a server sent, fit for a message: {@link #text(String)}, on one line, at most
     * {@link #MAX_SERVER_TEXT} characters (longer text ends in {@code ...})}
     *
     * @param text the server's text, or {@code null} (gives {@code ""})
     */
    public String serverText(String text) {
        if (text == null) {
            return "";
        }
        String one = text(text).replaceAll("\\s+", " ").strip();
        return one.length() <= MAX_SERVER_TEXT ? one : one.substring(0, MAX_SERVER_TEXT - 3) + "...";
    }

    private static String withoutControls(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (!Character.isISOControl(c) && Character.getType(c) != Character.FORMAT) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** {@return how many credentials this redactor hides, never the credentials themselves} */
    @Override
    public String toString() {
        return "Redactor[" + secrets.size() + " secret forms]";
    }
}
