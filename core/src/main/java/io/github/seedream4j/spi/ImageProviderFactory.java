package io.github.seedream4j.spi;

import java.util.List;

/**
 * The entry point of a provider, found with {@link java.util.ServiceLoader}. Implementations have a public
 * no-argument constructor, do no work in it (no network, no settings lookup), and are thread-safe.
 */
public interface ImageProviderFactory {

    /**
     * The provider's stable id: lower case letters, digits and dashes, starting with a letter, for example
     * {@code runpod}. Users select a provider by this id, so it never changes between versions.
     *
     * @return the id, never {@code null}
     */
    String id();

    /**
     * {@return one line saying what this provider is, for example
     * {@code "Seedream 4.0 on Runpod's public endpoint"}}
     */
    String description();

    /** {@return what the provider can do with its default settings, for listings that create no provider} */
    Capabilities capabilities();

    /**
     * What the provider can do with these settings (for example a configured price). The client validates requests
     * against it before calling the provider. The default ignores the settings and returns {@link #capabilities()}.
     *
     * @param settings the settings the client was built with, never {@code null}
     * @return the capabilities, never {@code null}
     * @throws io.github.seedream4j.ConfigurationException if a setting it reads is malformed
     */
    default Capabilities capabilities(ProviderSettings settings) {
        return capabilities();
    }

    /**
     * {@return the settings the provider reads, so tools can list them and say which are present (never their
     * values)} Empty when it reads none.
     */
    List<SettingKey> settings();

    /**
     * Creates a provider. May read settings and prepare clients; must not send a generation request.
     *
     * @param settings the settings the client was built with, never {@code null}
     * @return a new provider, owned and closed by the client that asked for it
     * @throws io.github.seedream4j.ConfigurationException if a required setting is missing or malformed
     */
    ImageProvider create(ProviderSettings settings);
}
