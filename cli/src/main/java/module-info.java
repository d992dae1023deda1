/**
 * The {@code seedream} command line: generate images, estimate costs, list providers and run resumable batches.
 * Providers are found at run time through core's {@link java.util.ServiceLoader} discovery.
 */
module io.github.seedream4j.cli {
    requires io.github.seedream4j.core;
    requires info.picocli;

    // picocli reads the command classes reflectively
    opens io.github.seedream4j.cli to info.picocli;
}
