package io.github.seedream4j.cli;

import io.github.seedream4j.Warning;
import io.github.seedream4j.cli.ManifestRecord.Money;
import java.util.List;

/**
 * The documented {@code --json} outputs. Each carries {@code "schema"}: {@link #SCHEMA} until a field is removed or
 * changes meaning (new fields may be added without a change). Absent values are {@code null}, never left out, so a
 * reader can rely on every key.
 */
final class Outputs {

    /** The version of every JSON output shape below. */
    static final int SCHEMA = 1;

    private Outputs() {
    }

    /**
     * {@code generate --json}. {@code model} is the version used (the provider's default when none was asked for),
     * {@code maxImages} the size of the sequential set asked for (null for independent images), {@code references}
     * where each reference image came from (a file, or a URL without its query).
     */
    record Generated(int schema, String provider, List<String> files, List<Image> images, String pixels, Long seed,
            Money cost, Timings timings, List<WarningJson> warnings, List<String> jobIds, String model,
            Integer maxImages, List<String> references) {
    }

    /** One image; {@code file} is null with {@code --out -}. */
    record Image(String file, int width, int height, String pixels, String format, long bytes, Long seed) {
    }

    /** Milliseconds; {@code queueMs} and {@code executionMs} when the provider reports them, all null when unknown. */
    record Timings(Long totalMs, Long downloadMs, Long queueMs, Long executionMs) {
    }

    /** A warning: its stable code and its message. */
    record WarningJson(String code, String message) {
        static WarningJson of(Warning w) {
            return new WarningJson(w.code(), Text.line(w.message()));
        }
    }

    /**
     * {@code estimate --json}: one request, or every valid line of a batch file. {@code total} and {@code max} are
     * the most it can cost (every image of every set made), {@code min} the least (one image of each set); they differ
     * only when a line asks for a sequential set.
     */
    record Estimated(int schema, String provider, String pricing, Money total, int images, List<EstimateLine> lines,
            List<String> errors, Money min, Money max) {
    }

    /**
     * One priced request: its batch line (null for a single request), image count (the most, for a set), pixels and
     * cost (the most), then the least and the most it can cost.
     */
    record EstimateLine(Integer line, int images, String pixels, Money cost, Money min, Money max) {
    }

    /** {@code providers --json}. */
    record Providers(int schema, List<ProviderJson> providers, List<String> problems) {
    }

    /** One provider. */
    record ProviderJson(String id, String description, CapabilitiesJson capabilities, List<SettingJson> settings) {
    }

    /** What a provider can do; {@code defaultModel} is the label of the version used when a request names none. */
    record CapabilitiesJson(boolean exactSizes, Integer minSide, Integer maxSide, List<String> tiers,
            List<String> ratios, boolean seed, boolean negativePrompt, boolean safetyToggle,
            boolean promptEnhancement, int maxImagesPerCall, String pricing, boolean resumable, List<String> extras,
            List<ModelJson> models, String defaultModel) {
    }

    /**
     * One model version a provider serves: its label ({@code 4.0}, {@code 4.5}, {@code 5.0-lite}), the provider's id
     * for it (null when it has none), how it takes reference images ({@code url}, {@code data-uri}; empty: none) and
     * whether it makes sequential sets.
     */
    record ModelJson(String model, String providerModelId, List<String> imageInputs, boolean sequential,
            int maxReferenceImages, int maxSetImages) {
    }

    /**
     * One setting: where it is set from ({@code source}: {@code null} when nothing sets it), its default (always
     * {@code null} for a secret), never its value.
     */
    record SettingJson(String name, String description, boolean required, boolean secret, boolean set, String source,
            String defaultValue, String property, List<String> environment) {
    }

    /** {@code batch --json}: the run's summary. */
    record Batch(int schema, String file, int total, int done, int earlier, int resumed, int failed, int skipped,
            int changed, Money reported, Money estimated, int unknownCost, int lost, Money lostEstimate, long wallMs,
            String manifest, String contactSheet, int exitCode) {
    }
}
