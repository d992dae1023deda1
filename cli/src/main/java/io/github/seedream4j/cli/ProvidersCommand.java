package io.github.seedream4j.cli;

import io.github.seedream4j.AspectRatio;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.ProviderCatalog;
import io.github.seedream4j.SizeTier;
import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "providers", mixinStandardHelpOptions = true,
        description = {"List the bundled providers, what each can do, and where its settings come from.", "",
                "Shows for each setting whether it is set and from where (--set, system property, environment "
                        + "variable, default). Setting values are never shown, secret or not.", ""},
        footer = {"%nExamples:",
                "  seedream providers",
                "  RUNPOD_API_KEY=... seedream providers      # shows api-key as set, from the environment variable",
                ExitCodes.FOOTER})
final class ProvidersCommand implements Callable<Integer> {

    private final Io io;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Settings to account for, as generate would receive them (values are never printed).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Mixin
    final CommonOptions common;

    ProvidersCommand(Io io) {
        this.io = io;
        this.common = new CommonOptions(io);
    }

    @Override
    public Integer call() {
        ProviderCatalog catalog = ProviderCatalog.discover();
        if (catalog.factories().isEmpty()) {
            io.out.println("no provider is on the class path");
        }
        for (ImageProviderFactory f : catalog.factories()) {
            ProviderSettings s = ProviderSettings.of(f.id(), settings);
            io.out.println(f.id() + " - " + f.description());
            Capabilities c;
            try {
                c = f.capabilities(s);
            } catch (ConfigurationException e) {
                io.out.println("  (a setting is malformed: " + Main.oneLine(e.getMessage()) + "; showing defaults)");
                c = f.capabilities();
            }
            io.out.println("  sizes:            " + sizes(c));
            io.out.println("  seed:             " + yesNo(c.seed()));
            io.out.println("  negative prompt:  " + yesNo(c.negativePrompt()));
            io.out.println("  safety toggle:    " + yesNo(c.safetyToggle()));
            io.out.println("  prompt enhance:   " + yesNo(c.promptEnhancement()));
            io.out.println("  images per call:  " + c.maxImagesPerCall());
            io.out.println("  pricing:          " + c.pricing());
            io.out.println("  resumable:        " + yesNo(c.resumable()));
            if (!c.extras().isEmpty()) {
                io.out.println("  extra options:    " + String.join(", ", c.extras()));
            }
            io.out.println("  settings:");
            for (SettingKey k : f.settings()) {
                String state = s.isSet(k) ? "set (" + s.sourceOf(k) + ")"
                        : k.defaultValue() != null ? "default" : k.required() ? "NOT SET (required)" : "not set";
                io.out.println(String.format("    %-10s %-9s %s%s  - %s; system property %s or %s", k.name(),
                        k.required() ? "required" : "optional", state, k.secret() ? ", secret" : "", k.description(),
                        k.propertyName(f.id()), String.join(" / ", k.environmentVariableNames(f.id()))));
            }
        }
        for (String problem : catalog.problems()) {
            io.out.println("problem: " + problem);
        }
        return ExitCodes.OK;
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
