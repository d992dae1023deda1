package io.github.seedream4j.cli;

import io.github.seedream4j.AspectRatio;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.Seed;
import io.github.seedream4j.SizeTier;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** The request knobs shared by generate and estimate. Values are parsed by core, so messages match the library's. */
final class RequestOptions {

    static final String TIERS = Arrays.stream(SizeTier.values()).map(SizeTier::label).collect(Collectors.joining(", "));

    @Option(names = {"-s", "--size"}, paramLabel = "SIZE",
            description = "1K, 2K or 4K (a tier, with --aspect), or exact pixels 2048x2048 / 2048*2048. Default: 2K.")
    String size;

    @Option(names = {"-a", "--aspect"}, paramLabel = "W:H",
            description = "Aspect ratio of a tier: 1:1, 4:3, 3:4, 16:9, 9:16, 3:2, 2:3, 21:9. Default: 1:1.")
    String aspect;

    @Option(names = "--seed", paramLabel = "N", description = "Seed, 0 to 2147483647; random (and reported) when absent.")
    String seed;

    @Option(names = {"-n", "--n"}, paramLabel = "COUNT", defaultValue = "1",
            description = "How many images, 1 to 16 (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--negative", paramLabel = "TEXT", description = "Negative prompt: what the image must not show.")
    String negative;

    @Option(names = "--enhance", negatable = true,
            description = "Let the provider rewrite the prompt (--no-enhance to forbid). Default: the provider's.")
    Boolean enhance;

    @Option(names = "--safety", negatable = true,
            description = "Run the provider's safety checker (--no-safety to switch it off). Default: the provider's.")
    Boolean safety;

    GenerationRequest build(String prompt) {
        return build(prompt, size, aspect, seed, count, negative, enhance, safety);
    }

    /** Builds a request from textual parts; used for batch lines too. */
    static GenerationRequest build(String prompt, String size, String aspect, String seed, int count, String negative,
            Boolean enhance, Boolean safety) {
        GenerationRequest.Builder b = GenerationRequest.builder(prompt);
        b.size(size(size, aspect));
        if (seed != null) {
            b.seed(seed(seed));
        }
        if (negative != null) {
            b.negativePrompt(negative);
        }
        return b.count(count).enhancePrompt(enhance).safetyChecker(safety).build();
    }

    /** A seed; text too long to be one is refused here, quoting only its start. */
    static Seed seed(String text) {
        if (text.strip().length() > 19) {
            throw new UsageException("seed " + Text.quote(text) + " is not a whole number from 0 to " + Seed.MAX);
        }
        return Seed.parse(text);
    }

    /** A size: a tier, with an optional ratio, or exact pixels; anything else is refused listing both forms. */
    static ImageSize size(String size, String aspect) {
        ImageSize parsed = size == null ? null : parseSize(size);
        if (aspect == null) {
            return parsed;
        }
        AspectRatio ratio = AspectRatio.parse(aspect);
        if (parsed instanceof ImageSize.Exact) {
            throw new UsageException("aspect ratio " + Text.prefix(aspect, Text.QUOTE_LIMIT) + " applies to a tier, "
                    + "not to exact pixels " + Text.prefix(size, Text.QUOTE_LIMIT) + "; drop --aspect, or use --size "
                    + "1K, 2K or 4K");
        }
        SizeTier tier = parsed == null ? SizeTier.TWO_K : ((ImageSize.Tiered) parsed).tier();
        return ImageSize.tiered(tier, ratio);
    }

    private static ImageSize parseSize(String text) {
        String t = text.strip();
        boolean pixels = t.matches("[0-9]{1,9}\\s*[xX*]\\s*[0-9]{1,9}");
        boolean tier = t.matches("(?i)[124]K");
        if (!pixels && !tier) {
            throw new UsageException("size " + Text.quote(text) + " is neither a tier (" + TIERS + ") nor exact pixels "
                    + "WIDTHxHEIGHT such as 2048x2048");
        }
        return ImageSize.parse(t);
    }
}
