package io.github.seedream4j.cli;

import io.github.seedream4j.CostEstimator;
import io.github.seedream4j.GenerationListener;
import io.github.seedream4j.ProviderCatalog;
import io.github.seedream4j.ProviderSelectionException;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.UnsupportedOptionPolicy;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.SettingKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** Which provider, its settings, the unsupported-option policy and the deadline: everything needed to open a client. */
final class ClientOptions {

    @Option(names = {"-p", "--provider"}, paramLabel = "ID",
            description = "Provider id (fake, runpod, ...). Default: -Dseedream.provider, then SEEDREAM_PROVIDER, "
                    + "else the only provider bundled. See: seedream providers.")
    String provider;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A provider setting, repeatable, e.g. --set api-key=... --set base-url=http://127.0.0.1:8080. "
                    + "Wins over system properties and environment variables.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--strict",
            description = "Refuse (exit 2) options the provider cannot honour, instead of sending without them and warning.")
    boolean strict;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m",
            description = "Deadline of one generation, e.g. 90s or 10m (default: ${DEFAULT-VALUE}).")
    String timeout;

    /** The chosen provider's factory, following core's rule; unknown {@code --set} keys are refused. */
    ImageProviderFactory select() {
        ProviderCatalog catalog = ProviderCatalog.discover();
        ImageProviderFactory factory;
        try {
            factory = catalog.select(provider);
        } catch (ProviderSelectionException e) {
            throw new ProviderSelectionException(forCommandLine(e.getMessage()), e.providerId().orElse(null), null, e);
        }
        for (String key : settings.keySet()) {
            boolean known = factory.settings().stream().anyMatch(k -> k.name().equals(key));
            if (!known) {
                throw new UsageException("provider " + factory.id() + " has no setting '" + key + "'; its settings are "
                        + factory.settings().stream().map(SettingKey::name).collect(Collectors.joining(", "))
                        + " (see: seedream providers)");
            }
        }
        return factory;
    }

    /** Opens a client on the chosen provider. */
    SeedreamClient open(GenerationListener... listeners) {
        ImageProviderFactory factory = select();
        SeedreamClient.Builder b = SeedreamClient.builder().provider(factory.id()).settings(settings)
                .unsupportedOptions(strict ? UnsupportedOptionPolicy.REFUSE : UnsupportedOptionPolicy.WARN)
                .timeout(Durations.parse("--timeout", timeout));
        for (GenerationListener l : listeners) {
            if (l != null) {
                b.listener(l);
            }
        }
        return b.build();
    }

    /**
     * Prices and validates requests for the chosen provider without creating it: no credentials are needed and
     * nothing can be sent. Settings the capabilities read (such as {@code price}) are honoured.
     */
    CostEstimator estimator() {
        ImageProviderFactory factory = select();
        return SeedreamClient.builder().provider(factory.id()).settings(settings)
                .unsupportedOptions(strict ? UnsupportedOptionPolicy.REFUSE : UnsupportedOptionPolicy.WARN)
                .buildEstimator();
    }

    /** Core's selection messages speak of the builder; on the command line the way to choose is --provider. */
    static String forCommandLine(String message) {
        return message.replace("(named by the client builder)", "(named by --provider)")
                .replaceFirst("choose one with SeedreamClient\\.builder\\(\\)\\.provider\\(\"([a-z0-9-]+)\"\\),",
                        "choose one with --provider $1,");
    }
}
