package io.github.seedream4j.cli;

import io.github.seedream4j.AspectRatio;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.ReferenceImage;
import io.github.seedream4j.Seed;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.SizeTier;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The request knobs shared by generate and estimate. Values are parsed by core, so messages match the library's. */
final class RequestOptions {

    static final String TIERS = Arrays.stream(SizeTier.values()).map(SizeTier::label).collect(Collectors.joining(", "));

    private final OptionSpec size = Specs.option("SIZE", String.class,
            "1K, 2K, 3K or 4K (a tier, with --aspect; each model has its own), or exact pixels 2048x2048 / 2048*2048. "
                    + "Default: 2K.", "-s", "--size");
    private final OptionSpec aspect = Specs.option("W:H", String.class,
            "Aspect ratio of a tier: 1:1, 4:3, 3:4, 16:9, 9:16, 3:2, 2:3, 21:9. Default: 1:1.", "-a", "--aspect");
    private final OptionSpec seed = Specs.option("N", String.class,
            "Seed, 0 to 2147483647; random (and reported) when absent.", "--seed");
    private final OptionSpec count = OptionSpec.builder("-n", "--n").paramLabel("COUNT").type(int.class)
            .defaultValue("1").description("How many images, 1 to 16 (default: ${DEFAULT-VALUE}).").build();
    private final OptionSpec negative = Specs.option("TEXT", String.class,
            "Negative prompt: what the image must not show.", "--negative");
    private final OptionSpec enhance = OptionSpec.builder("--enhance").type(Boolean.class).negatable(true)
            .description("Let the provider rewrite the prompt (--no-enhance to forbid). Default: the provider's.")
            .build();
    private final OptionSpec safety = OptionSpec.builder("--safety").type(Boolean.class).negatable(true)
            .description("Run the provider's safety checker (--no-safety to switch it off). Default: the provider's.")
            .build();
    private final OptionSpec images = OptionSpec.builder("--image").paramLabel("FILE|URL").type(List.class)
            .auxiliaryTypes(String.class)
            .description("A reference image to edit or compose from; repeatable, sent in order. A value with :// is "
                    + "a URL the provider fetches (https), anything else a file (PNG, JPEG or WebP, judged by its "
                    + "content).")
            .build();
    private final OptionSpec model = Specs.option("VERSION", String.class,
            "Seedream version: 4.0, 4.5 or 5.0-lite. Default: the provider's (4.0 where it serves it).", "--model");
    private final OptionSpec maxImages = Specs.option("N", Integer.class,
            "Ask for a sequential set of up to N related images, 1 to 15; the model decides how many. Not with -n.",
            "--max-images");

    /** Adds the options to {@code spec}, in the order the help lists them. */
    void addTo(CommandSpec spec) {
        for (OptionSpec o : List.of(size, aspect, seed, count, negative, enhance, safety, images, model, maxImages)) {
            spec.addOption(o);
        }
    }

    /** The request of these options; reference files are read now, relative to the working directory. */
    GenerationRequest build(String prompt) {
        List<ReferenceImage> refs = new ArrayList<>();
        List<String> given = images.getValue();
        for (String image : given == null ? List.<String>of() : given) {
            refs.add(image(image, null));
        }
        int n = count.getValue();
        return build(prompt, size.getValue(), aspect.getValue(), seed.getValue(), n, negative.getValue(),
                enhance.getValue(), safety.getValue(), model.getValue(), maxImages.getValue()).withImages(refs);
    }

    /** Builds a request without reference images from textual parts; used for batch lines too. */
    static GenerationRequest build(String prompt, String size, String aspect, String seed, int count, String negative,
            Boolean enhance, Boolean safety, String model, Integer maxImages) {
        GenerationRequest.Builder b = GenerationRequest.builder(prompt);
        b.size(size(size, aspect));
        if (seed != null) {
            b.seed(seed(seed));
        }
        if (negative != null) {
            b.negativePrompt(negative);
        }
        if (model != null) {
            b.model(SeedreamModel.parse(model));
        }
        return b.count(count).maxImages(maxImages).enhancePrompt(enhance).safetyChecker(safety).build();
    }

    /**
     * A reference image: a value holding {@code ://} is a URL, anything else a file, resolved against {@code base}
     * (null: the working directory). A file is read, and its content checked, now.
     */
    static ReferenceImage image(String value, Path base) {
        if (value.isBlank()) {
            throw new UsageException("an image is given as an empty value; give a file such as cat.png or an https URL");
        }
        if (value.contains("://")) {
            return ReferenceImage.url(value);
        }
        Path file;
        try {
            file = Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException("image " + Text.quote(value) + " is neither a file name this system accepts nor "
                    + "a URL; give a file such as cat.png or an https URL");
        }
        return ReferenceImage.file(base == null ? file : base.resolve(file));
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
                    + "with a tier (" + TIERS + ")");
        }
        SizeTier tier = parsed == null ? SizeTier.TWO_K : ((ImageSize.Tiered) parsed).tier();
        return ImageSize.tiered(tier, ratio);
    }

    private static ImageSize parseSize(String text) {
        String t = text.strip();
        boolean pixels = t.matches("[0-9]{1,9}\\s*[xX*]\\s*[0-9]{1,9}");
        boolean tier = Arrays.stream(SizeTier.values()).anyMatch(st -> st.label().equalsIgnoreCase(t));
        if (!pixels && !tier) {
            throw new UsageException("size " + Text.quote(text) + " is neither a tier (" + TIERS + ") nor exact pixels "
                    + "WIDTHxHEIGHT such as 2048x2048");
        }
        return ImageSize.parse(t);
    }
}
