package io.github.seedream4j.spi;

import java.util.Objects;

/**
 * A credential whose value never shows up by accident: {@link #toString()} prints a mask, and only
 * {@link #reveal()} gives the value, to be placed straight into a request header.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a credential.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value"));
    }

    /** The credential itself. Never log it, never put it in a message. */
    public String reveal() {
        return value;
    }

    /** Whether {@code text} contains the credential; used to scrub text that came back from a server. */
    public boolean occursIn(String text) {
        return text != null && !value.isEmpty() && text.contains(value);
    }

    /** Always {@code "****"}. */
    @Override
    public String toString() {
        return "****";
    }
}
