/**
 * The {@code seedream} command line: generate images, estimate costs, list providers and run resumable batches.
 * Providers are found at run time through core's {@link java.util.ServiceLoader} discovery.
 */
module io.github.seedream4j.cli {
    requires io.github.seedream4j.core;
    requires info.picocli;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires com.fasterxml.jackson.annotation;

    // the library's System.Logger records print as the CLI's own lines, and nothing else is logged
    provides java.lang.System.LoggerFinder with io.github.seedream4j.cli.CliLoggerFinder;

    // Jackson reads and writes the records reflectively; picocli's model is built in code (see Specs)
    opens io.github.seedream4j.cli to tools.jackson.databind;
}
