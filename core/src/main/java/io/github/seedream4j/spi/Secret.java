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
     * @param value the credential, never {@code null}
     * @return the wrapped credential
     * @throws NullPointerException if {@code value} is null
     */
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value"));
    }

    /** {@return the credential itself} Never log it, never put it in a message. */
    public String reveal() {
        return value;
    }

    /**
     * {@return whether {@code text} contains the credential} Used to scrub text that came back from a server. False
     * for a {@code null} text and for an empty credential.
     *
     * @param text the text to search, or {@code null}
     */
    public boolean occursIn(String text) {
        return text != null && !value.isEmpty() && text.contains(value);
    }

    /** {@return always {@code "****"}} */
    @Override
    public String toString() {
        return "****";
    }
}
