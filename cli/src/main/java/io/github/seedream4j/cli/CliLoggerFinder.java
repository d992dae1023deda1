package io.github.seedream4j.cli;

/**
 * The JVM's {@link System.LoggerFinder} while the command line runs: the library's loggers print through
 * {@link CliLogging}, every other logger is off. Found by {@link java.util.ServiceLoader} (declared in the module
 * and in {@code META-INF/services}); not for use by applications.
 */
public final class CliLoggerFinder extends System.LoggerFinder {

    /** Called by the service loader. */
    public CliLoggerFinder() {
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        return CliLogging.logger(name);
    }
}
