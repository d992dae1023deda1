package io.github.seedream4j.cli;

import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.CostEstimator;
import io.github.seedream4j.GenerationListener;
import io.github.seedream4j.ProviderCatalog;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.UnsupportedOptionPolicy;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Which provider, its settings, {@code --strict} and the deadline: everything needed to open a client. The client
 * always runs with the library's WARN policy; {@code --strict} is applied by {@link Strictness}.
 */
final class ClientOptions {

    /** The longest value {@code @FILE} or {@code -} may supply. */
    static final int MAX_VALUE_BYTES = 64 * 1024;
    private static final SettingKey TIMEOUT = SettingKey.optional("timeout", "--timeout", null);

    private final OptionSpec provider = Specs.option("ID", String.class,
            "Provider id (fake, runpod, ...). Default: -Dseedream.provider, then SEEDREAM_PROVIDER, else the only "
                    + "provider bundled. See: seedream providers.", "-p", "--provider");
    private final OptionSpec settings = settingsOption(
            "A provider setting, repeatable, e.g. --set base-url=http://127.0.0.1:8080. Wins over system properties "
                    + "and environment variables.",
            "For a secret, give @FILE (read from a file) or - (read from standard input), e.g. --set "
                    + "api-key=@runpod.key, or use its environment variable: a value on the command line is visible "
                    + "to other users and kept in shell history.");
    private final OptionSpec strict = Specs.flag(
            "Refuse (exit 2) options the provider cannot honour, instead of sending without them and warning.",
            "--strict");
    private final OptionSpec timeout = OptionSpec.builder("--timeout").paramLabel("DURATION").type(String.class)
            .defaultValue("10m").description("Deadline of one generation, e.g. 90s or 10m (default: ${DEFAULT-VALUE}).")
            .build();

    private Map<String, String> resolved;

    /** A repeatable {@code --set KEY=VALUE}; {@link #given} reads it. */
    static OptionSpec settingsOption(String... description) {
        return OptionSpec.builder("--set").paramLabel("KEY=VALUE").type(Map.class)
                .auxiliaryTypes(String.class, String.class).description(description).build();
    }

    /** The values of a {@link #settingsOption}, in the order given; empty when none. */
    static Map<String, String> given(OptionSpec settings) {
        Map<String, String> values = settings.getValue();
        return values == null ? Map.of() : values;
    }

    /** Adds the options to {@code spec}, in the order the help lists them. */
    void addTo(CommandSpec spec) {
        spec.addOption(provider);
        spec.addOption(settings);
        spec.addOption(strict);
        spec.addOption(timeout);
    }

    /** Whether {@code --strict} was given. */
    boolean strict() {
        return Specs.on(strict);
    }

    /** The chosen provider's factory; the CLI's own messages for the two choices it offers (--provider, none). */
    ImageProviderFactory factory() {
        ProviderCatalog catalog = ProviderCatalog.discover();
        String named = provider.getValue();
        if (named != null && !named.isBlank()) {
            String id = named.strip();
            return catalog.find(id).orElseThrow(() -> new UsageException("provider " + Text.quote(id)
                    + " (named by --provider) is not on the class path; the providers found are "
                    + (catalog.ids().isEmpty() ? "none" : String.join(", ", catalog.ids())) + ". Check the spelling, "
                    + "or put the jar that provides it on the class path (in an installed seedream: its lib directory)"
                    + problems(catalog)));
        }
        boolean chosen = !blank(System.getProperty(ProviderCatalog.PROVIDER_PROPERTY))
                || !blank(System.getenv(ProviderCatalog.PROVIDER_ENVIRONMENT_VARIABLE));
        if (!chosen && catalog.ids().size() > 1) {
            throw new UsageException("several providers are on the class path (" + String.join(", ", catalog.ids())
                    + ") and none was chosen; choose one with --provider " + catalog.ids().get(0) + ", the system "
                    + "property " + ProviderCatalog.PROVIDER_PROPERTY + " or the environment variable "
                    + ProviderCatalog.PROVIDER_ENVIRONMENT_VARIABLE + problems(catalog));
        }
        // the system property, the environment variable or the only provider: the library's rule and messages
        return catalog.select(null);
    }

    /** Opens a client on the chosen provider; {@code io} receives the warning about a secret given in argv. */
    SeedreamClient open(Io io, GenerationListener... listeners) {
        ImageProviderFactory factory = factory();
        Map<String, String> values = settings(io, factory);
        // the factory itself, not its id: the class path is searched once
        SeedreamClient.Builder b = SeedreamClient.builder().provider(factory).settings(values)
                .unsupportedOptions(UnsupportedOptionPolicy.WARN).timeout(timeout());
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
    CostEstimator estimator(Io io) {
        ImageProviderFactory factory = factory();
        return SeedreamClient.builder().provider(factory).settings(settings(io, factory))
                .unsupportedOptions(UnsupportedOptionPolicy.WARN).buildEstimator();
    }

    /**
     * The {@code --set} values with {@code @FILE} and {@code -} read. A secret given as a plain value is used, with
     * a warning that says how to keep it out of argv.
     */
    Map<String, String> settings(Io io, ImageProviderFactory factory) {
        Map<String, String> values = given(settings);
        for (String key : values.keySet()) {
            if (factory.settings().stream().noneMatch(k -> k.name().equals(key))) {
                throw new UsageException("provider " + factory.id() + " has no setting " + Text.quote(key)
                        + "; its settings are " + String.join(", ", factory.settings().stream().map(SettingKey::name)
                                .toList()) + " (see: seedream providers)");
            }
        }
        if (resolved == null) {
            resolved = resolve(io, values, secrets(factory));
        }
        return resolved;
    }

    /** The secret settings of {@code factory}, each with the environment variable to suggest instead of argv. */
    static Map<String, String> secrets(ImageProviderFactory factory) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (SettingKey k : factory.settings()) {
            if (k.secret()) {
                secrets.put(k.name(), k.environmentVariableNames(factory.id()).get(0));
            }
        }
        return secrets;
    }

    /**
     * {@code values} with {@code @FILE} and {@code -} read; a key of {@code secrets} given as a plain value is
     * warned about (see {@link #settings(Io, ImageProviderFactory)}).
     */
    static Map<String, String> resolve(Io io, Map<String, String> values, Map<String, String> secrets) {
        Map<String, String> out = new LinkedHashMap<>();
        String fromStdin = null;
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            if (value.equals("-")) {
                if (fromStdin != null) {
                    throw new UsageException("--set " + key + "=- and --set " + fromStdin + "=- both read standard "
                            + "input; read one of them from a file with @FILE");
                }
                fromStdin = key;
                value = read("--set " + key + "=-", io.in());
            } else if (value.startsWith("@")) {
                Path path = Path.of(value.substring(1));
                try (InputStream in = Files.newInputStream(path)) {
                    value = read("--set " + key + "=@" + path, in);
                } catch (IOException ex) {
                    throw new UsageException("--set " + key + "=@" + path + ": cannot read the file ("
                            + ex.getClass().getSimpleName() + "); check the path and its permissions");
                }
            } else if (secrets.containsKey(key)) {
                io.warn("--set " + key + "=<value> puts a secret where other users can see it (the process list) "
                        + "and in shell history; use --set " + key + "=@FILE, --set " + key + "=- (standard input) or "
                        + "the environment variable " + secrets.get(key));
            }
            out.put(key, value);
        }
        return out;
    }

    private static String read(String what, InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_VALUE_BYTES + 1);
            if (bytes.length > MAX_VALUE_BYTES) {
                throw new UsageException(what + ": the value is longer than " + MAX_VALUE_BYTES + " bytes");
            }
            String v = new String(bytes, StandardCharsets.UTF_8);
            // a file or a pipe ends its one line with a line break that is no part of the value
            if (v.endsWith("\n")) {
                v = v.substring(0, v.length() - 1);
                if (v.endsWith("\r")) {
                    v = v.substring(0, v.length() - 1);
                }
            }
            if (v.isEmpty()) {
                throw new UsageException(what + ": the value is empty");
            }
            return v;
        } catch (IOException e) {
            throw new UsageException(what + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** {@code --timeout}, parsed as the library parses duration settings; it must be positive. */
    Duration timeout() {
        String timeout = this.timeout.getValue();
        Duration d;
        try {
            d = ProviderSettings.of("cli", Map.of(TIMEOUT.name(), timeout), k -> null, k -> null).duration(TIMEOUT);
        } catch (ConfigurationException e) {
            d = Duration.ZERO;
        }
        if (d.isZero()) {
            throw new UsageException("--timeout " + Text.quote(timeout) + " is not a positive duration: use for "
                    + "example 90s, 10m or 500ms");
        }
        return d;
    }

    private static String problems(ProviderCatalog catalog) {
        return catalog.problems().isEmpty() ? "" : ". Also, " + catalog.problems().size()
                + " provider(s) failed to load: " + String.join("; ", catalog.problems());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
