package io.github.seedream4j;

/**
 * What the client does with a request option the chosen provider cannot honour (for example a seed on Cloudflare).
 * An option is never dropped silently.
 */
public enum UnsupportedOptionPolicy {
    /** Throw {@link UnsupportedOptionException} before anything is sent. */
    REFUSE,
    /** Leave the option out of what is sent and add a {@link Warning} with code {@link Warning#UNSUPPORTED_OPTION} to the result. The default. */
    WARN
}
