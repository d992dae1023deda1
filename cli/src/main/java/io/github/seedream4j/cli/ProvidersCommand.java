package io.github.seedream4j.cli;

import io.github.seedream4j.AspectRatio;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.ProviderCatalog;
import io.github.seedream4j.SizeTier;
import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ModelOffer;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code seedream providers}: the providers on the class path, what each can do and where its settings come from. */
final class ProvidersCommand implements Callable<Integer> {

    private static final String[] DESCRIPTION = {
            "List the bundled providers, what each can do, and where its settings come from.", "",
            "Shows for each setting whether it is set and from where (--set, system property, environment variable) "
                    + "and its default value. A value that is set is never shown, and a secret's default neither.", ""};
    private static final String[] FOOTER = {"%nExamples:",
            "  seedream providers",
            "  seedream providers --json",
            "  RUNPOD_API_KEY=\"$(cat runpod.key)\" seedream providers   # api-key: set from RUNPOD_API_KEY",
            ExitCodes.FOOTER};

    private final Io io;
    private final OptionSpec settings = ClientOptions.settingsOption(
            "Settings to account for, as generate would receive them (@FILE and - as there; values are never "
                    + "printed).");
    private final OptionSpec json = Specs.flag(
            "Print the providers as one JSON object on stdout (schema 1, see the README).", "--json");
    private final CommonOptions common;

    private Map<String, String> resolved = Map.of();

    ProvidersCommand(Io io) {
        this.io = io;
        this.common = new CommonOptions(io);
    }

    /** The command's model, bound to this instance; its options listed alphabetically. */
    CommandSpec spec() {
        CommandSpec spec = Specs.command(this, "providers", true, DESCRIPTION, FOOTER);
        spec.addOption(settings);
        spec.addOption(json);
        common.addTo(spec);
        return Specs.standardHelp(spec);
    }

    /** One setting as shown: never its value. */
    private record Row(SettingKey key, String need, String from, String defaultValue, String where, boolean set,
            String source) {
    }

    @Override
    public Integer call() {
        ProviderCatalog catalog = ProviderCatalog.discover();
        Map<String, String> secrets = new LinkedHashMap<>();
        catalog.factories().forEach(f -> secrets.putAll(ClientOptions.secrets(f)));
        resolved = ClientOptions.resolve(io, ClientOptions.given(settings), secrets);
        List<Outputs.ProviderJson> providers = new ArrayList<>();
        List<String> text = new ArrayList<>();
        if (catalog.factories().isEmpty()) {
            text.add("no provider is on the class path");
        }
        int nameWidth = 4;
        int fromWidth = 8;
        Map<ImageProviderFactory, List<Row>> rows = new LinkedHashMap<>();
        for (ImageProviderFactory f : catalog.factories()) {
            List<Row> mine = rows(f);
            rows.put(f, mine);
            for (Row r : mine) {
                nameWidth = Math.max(nameWidth, r.key().name().length());
                fromWidth = Math.max(fromWidth, r.from().length());
            }
        }
        for (Map.Entry<ImageProviderFactory, List<Row>> e : rows.entrySet()) {
            ImageProviderFactory f = e.getKey();
            Capabilities c;
            String malformed = null;
            try {
                c = f.capabilities(ProviderSettings.of(f.id(), explicit(f)));
            } catch (ConfigurationException ex) {
                malformed = malformed(f);
                c = f.capabilities();
            }
            providers.add(json(f, c, e.getValue()));
            text.add(f.id() + " - " + f.description());
            if (malformed != null) {
                text.add("  (" + malformed + ", so the defaults are shown; seedream estimate with this provider says "
                        + "what is wrong)");
            }
            text.add("  sizes:            " + sizes(c));
            text.add("  seed:             " + yesNo(c.seed()));
            text.add("  negative prompt:  " + yesNo(c.negativePrompt()));
            text.add("  safety toggle:    " + yesNo(c.safetyToggle()));
            text.add("  prompt enhance:   " + yesNo(c.promptEnhancement()));
            text.add("  images per call:  " + c.maxImagesPerCall());
            text.add("  pricing:          " + c.pricing());
            text.add("  resumable:        " + yesNo(c.resumable()));
            if (!c.extras().isEmpty()) {
                text.add("  extra options:    " + String.join(", ", c.extras()));
            }
            text.addAll(models(c));
            text.add("  settings:");
            String format = "    %-" + nameWidth + "s  %-8s  %-" + fromWidth + "s  %s";
            text.add(String.format(format, "NAME", "NEED", "SET FROM", "DEFAULT"));
            for (Row r : e.getValue()) {
                text.add(String.format(format, r.key().name(), r.need(), r.from(), r.defaultValue()));
            }
            for (Row r : e.getValue()) {
                text.add("    " + r.key().name() + ": " + r.key().description() + "; " + r.where());
            }
        }
        for (String problem : catalog.problems()) {
            text.add("problem: " + problem);
        }
        if (Specs.on(json)) {
            io.printJson(Jsons.MAPPER.writeValueAsString(new Outputs.Providers(Outputs.SCHEMA, providers,
                    catalog.problems().stream().map(Text::line).toList())));
        } else {
            text.forEach(io::println);
        }
        return ExitCodes.OK;
    }

    /**
     * Which --set values {@code f} refuses, named but not quoted: the provider's own message may hold the value,
     * and this listing never prints a value that is set.
     */
    private String malformed(ImageProviderFactory f) {
        List<String> bad = new ArrayList<>();
        explicit(f).forEach((k, v) -> {
            try {
                f.capabilities(ProviderSettings.of(f.id(), Map.of(k, v)));
            } catch (ConfigurationException e) {
                bad.add(k);
            }
        });
        return bad.isEmpty() ? "the settings given are malformed together"
                : "setting " + String.join(", ", bad) + (bad.size() == 1 ? " is" : " are") + " malformed";
    }

    /** The --set values that {@code f} has settings for, read once for every provider. */
    private Map<String, String> explicit(ImageProviderFactory f) {
        Map<String, String> mine = new LinkedHashMap<>();
        resolved.forEach((k, v) -> {
            if (f.settings().stream().anyMatch(s -> s.name().equals(k))) {
                mine.put(k, v);
            }
        });
        return mine;
    }

    private List<Row> rows(ImageProviderFactory f) {
        ProviderSettings s = ProviderSettings.of(f.id(), explicit(f));
        List<Row> rows = new ArrayList<>();
        for (SettingKey k : f.settings()) {
            boolean set = s.isSet(k);
            String source = !set ? null : resolved.containsKey(k.name()) ? "--set" : s.sourceOf(k);
            String from = set ? source : k.required() ? "NOT SET (required)" : "-";
            String def = k.defaultValue() == null ? "-" : k.secret() ? "(secret)" : k.defaultValue();
            String need = k.required() ? "required" : "optional";
            String where = (k.secret() ? "secret: --set " + k.name() + "=@FILE or =-" : "--set " + k.name() + "=VALUE")
                    + ", property " + k.propertyName(f.id()) + ", environment "
                    + String.join(" or ", k.environmentVariableNames(f.id()));
            rows.add(new Row(k, need, from, def, where, set, source));
        }
        return rows;
    }

    private static Outputs.ProviderJson json(ImageProviderFactory f, Capabilities c, List<Row> rows) {
        List<Outputs.SettingJson> settings = rows.stream().map(r -> new Outputs.SettingJson(r.key().name(),
                r.key().description(), r.key().required(), r.key().secret(), r.set(), r.source(),
                r.key().secret() ? null : r.key().defaultValue(), r.key().propertyName(f.id()),
                r.key().environmentVariableNames(f.id()))).toList();
        return new Outputs.ProviderJson(f.id(), Text.line(f.description()), new Outputs.CapabilitiesJson(
                c.exactSizes(), c.exactSizes() ? c.minSide() : null, c.exactSizes() ? c.maxSide() : null,
                c.tiers().stream().sorted().map(SizeTier::label).toList(),
                AspectRatio.SEEDREAM_RATIOS.stream().filter(c.ratios()::contains).map(AspectRatio::toString).toList(),
                c.seed(), c.negativePrompt(), c.safetyToggle(), c.promptEnhancement(), c.maxImagesPerCall(),
                c.pricing().toString(), c.resumable(), List.copyOf(c.extras()),
                c.models().stream().map(m -> new Outputs.ModelJson(m.model().label(), m.providerModelId() == null ? null
                        : Text.line(m.providerModelId()), transports(m), m.sequential(), m.maxReferenceImages(),
                        m.maxSetImages())).toList(),
                c.defaultModel().model().label()), settings);
    }

    /**
     * The model table: version, the provider's id for it, how it takes reference images and how many, and how large a
     * sequential set it makes.
     */
    private static List<String> models(Capabilities c) {
        int idWidth = "PROVIDER ID".length();
        int inputsWidth = "IMAGE INPUTS".length();
        for (ModelOffer m : c.models()) {
            idWidth = Math.max(idWidth, providerModelId(m).length());
            inputsWidth = Math.max(inputsWidth, inputs(m).length());
        }
        String format = "    %-8s  %-" + idWidth + "s  %-" + inputsWidth + "s  %s";
        List<String> lines = new ArrayList<>();
        lines.add("  models (default " + c.defaultModel().model().label() + "):");
        lines.add(String.format(format, "VERSION", "PROVIDER ID", "IMAGE INPUTS", "SETS"));
        for (ModelOffer m : c.models()) {
            lines.add(String.format(format, m.model().label(), providerModelId(m), inputs(m),
                    m.sequential() ? "up to " + m.maxSetImages() : "no"));
        }
        return lines;
    }

    private static String providerModelId(ModelOffer m) {
        return m.providerModelId() == null ? "-" : Text.line(m.providerModelId());
    }

    private static String inputs(ModelOffer m) {
        return m.imageInputs().isEmpty() ? "none"
                : String.join(", ", transports(m)) + ", up to " + m.maxReferenceImages();
    }

    /** How a model takes reference images, as the CLI names it: {@code url}, {@code data-uri}. */
    private static List<String> transports(ModelOffer m) {
        return m.imageInputs().stream().map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
    }

    private static String sizes(Capabilities c) {
        StringBuilder s = new StringBuilder();
        if (c.exactSizes()) {
            s.append("exact pixels, ").append(c.minSide()).append("..").append(c.maxSide()).append(" per side");
        }
        if (!c.tiers().isEmpty()) {
            if (s.length() > 0) {
                s.append("; ");
            }
            s.append("tiers ").append(c.tiers().stream().sorted().map(SizeTier::label).collect(Collectors.joining(", ")))
                    .append(" at ").append(AspectRatio.SEEDREAM_RATIOS.stream().filter(c.ratios()::contains)
                            .map(AspectRatio::toString).collect(Collectors.joining(", ")));
        }
        return s.toString();
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
