package io.github.seedream4j.http.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** Whether a host is this machine, decided without a name lookup. */
public final class Loopback {

    private Loopback() {
    }

    /**
     * {@return whether {@code host} is {@code localhost} or a loopback address literal} Other names are never
     * resolved just to decide: a name that resolves to loopback today may not tomorrow.
     *
     * @param host a host as in a URI, IPv6 literals in brackets or not; {@code null} gives false
     */
    public static boolean is(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.toLowerCase(Locale.ROOT).equals("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
