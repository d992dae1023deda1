package io.github.seedream4j.http.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * What a transport failure means: whether the request can have left this machine, and what happened, said in words
 * ("connection refused by 127.0.0.1:1") rather than by the innermost exception's class name.
 */
public final class Failures {

    private Failures() {
    }

    /** {@return {@code t} without the {@code CompletionException}/{@code ExecutionException} wrappers} */
    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * {@return whether {@code failure} proves the request never left this machine} The connection was refused or
     * never made (unknown host, no route, connect timeout), or the TLS handshake failed, which happens before any
     * byte of the request is written.
     */
    public static boolean neverSent(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
                    || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t instanceof UnresolvedAddressException || t instanceof SSLHandshakeException) {
                return true;
            }
        }
        return false;
    }

    /** {@return whether sending again cannot help: the TLS handshake failed (an untrusted or wrong certificate)} */
    public static boolean isPermanent(Throwable failure) {
        return find(failure, SSLHandshakeException.class) != null;
    }

    /** {@return whether {@code failure} is an I/O failure of the transport, as opposed to a bug} */
    public static boolean isTransport(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof IOException || t instanceof UncheckedIOException || t instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    /**
     * What happened, in words, for a message: for example {@code "connection refused by 127.0.0.1:1"}.
     *
     * @param failure the failure, possibly wrapped
     * @param target where the request went, for the host and port; may be {@code null}
     * @return one phrase without a trailing period; never holds request headers
     */
    public static String inWords(Throwable failure, URI target) {
        String at = hostAndPort(target);
        if (find(failure, BodyTooLargeException.class) != null) {
            return find(failure, BodyTooLargeException.class).getMessage();
        }
        if (find(failure, UnresolvedAddressException.class) != null || find(failure, UnknownHostException.class) != null) {
            return "the host name " + host(target) + " could not be resolved (no such host, or no DNS)";
        }
        if (find(failure, HttpConnectTimeoutException.class) != null) {
            return "connecting to " + at + " timed out after " + seconds(SharedHttpClient.CONNECT_TIMEOUT);
        }
        if (find(failure, NoRouteToHostException.class) != null) {
            return "there is no route to " + at;
        }
        SSLHandshakeException handshake = find(failure, SSLHandshakeException.class);
        if (handshake != null) {
            String why = find(failure, CertificateException.class) != null
                    || String.valueOf(handshake.getMessage()).contains("PKIX")
                    ? "the server's certificate is not trusted by this JVM"
                    : String.valueOf(handshake.getMessage()).toLowerCase(Locale.ROOT).contains("subject alternative")
                    ? "the server's certificate is not for this host name"
                    : "the server and this JVM agree on no protocol or cipher";
            return "the TLS handshake with " + at + " failed: " + why;
        }
        ConnectException connect = find(failure, ConnectException.class);
        if (connect != null) {
            String m = String.valueOf(connect.getMessage()).toLowerCase(Locale.ROOT);
            return m.contains("timed out") ? "connecting to " + at + " timed out" : "connection refused by " + at;
        }
        if (find(failure, SSLException.class) != null) {
            return "the TLS connection with " + at + " broke";
        }
        HttpTimeoutException timeout = find(failure, HttpTimeoutException.class);
        if (timeout != null) {
            String m = String.valueOf(timeout.getMessage());
            return "no complete answer came back from " + at + " " + (m.startsWith("within ") ? m
                    : "within the request's timeout");
        }
        if (find(failure, EOFException.class) != null || mentions(failure, "closed") || mentions(failure, "reset")
                || mentions(failure, "no bytes") || mentions(failure, "broken pipe")) {
            return "the connection to " + at + " was closed before a complete answer came back";
        }
        Throwable inner = failure;
        while (next(inner) != null) {
            inner = next(inner);
        }
        String m = inner.getMessage();
        return "an I/O error talking to " + at + " (" + inner.getClass().getSimpleName()
                + (m == null || m.isBlank() ? "" : ": " + shorten(m)) + ")";
    }

    private static String shorten(String m) {
        String one = m.replaceAll("\\s+", " ").strip();
        return one.length() <= 120 ? one : one.substring(0, 117) + "...";
    }

    private static boolean mentions(Throwable failure, String word) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** {@return the host and port of {@code target}, the port made explicit: {@code api.runpod.ai:443}} */
    public static String hostAndPort(URI target) {
        if (target == null || target.getHost() == null) {
            return "the server";
        }
        int port = target.getPort();
        if (port < 0) {
            port = "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
        }
        return target.getHost() + ":" + port;
    }

    private static String host(URI target) {
        return target == null || target.getHost() == null ? "of the server" : target.getHost();
    }

    /** {@return {@code 10s}, or {@code 1500ms} below whole seconds} */
    public static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable next(Throwable t) {
        Throwable c = t.getCause();
        return c == t ? null : c;
    }
}
