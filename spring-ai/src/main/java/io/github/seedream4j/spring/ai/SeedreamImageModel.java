package io.github.seedream4j.spring.ai;

import io.github.seedream4j.Charge;
import io.github.seedream4j.GeneratedImage;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.Seed;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.UnsupportedOptionException;
import io.github.seedream4j.UnsupportedOptionPolicy;
import io.github.seedream4j.Warning;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;
import org.springframework.ai.image.Image;
import org.springframework.ai.image.ImageGeneration;
import org.springframework.ai.image.ImageMessage;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;
import org.springframework.ai.image.ImageResponseMetadata;

/**
 * A Spring AI {@link ImageModel} that generates with Seedream through a {@link SeedreamClient}.
 *
 * <pre>{@code
 * ImageModel model = new SeedreamImageModel(SeedreamClient.builder().provider("runpod").build());
 * ImageResponse response = model.call(new ImagePrompt("a lighthouse at dawn",
 *         SeedreamImageOptions.builder().width(2048).height(1152).seed(7L).build()));
 * String base64Png = response.getResult().getOutput().getB64Json();
 * }</pre>
 *
 * <p>How a prompt is mapped:
 * <ul>
 *   <li>messages with no weight or a positive weight form the prompt, joined with a space; messages with a negative
 *       weight form the negative prompt (Stability AI's convention); a weight other than 1 or -1 cannot be honoured;</li>
 *   <li>{@code n} is the number of images; {@code width} and {@code height} (both or neither) are exact pixels;
 *       {@link SeedreamImageOptions} adds {@code seed} and {@code negativePrompt};</li>
 *   <li>{@code model} may be one of {@link #MODELS} ({@code seedream-4.0}, {@code seedream-4.5},
 *       {@code seedream-5.0-lite}; unset, the provider's default, {@value #MODEL} where it serves it); another model,
 *       {@code style}, a response format other than {@code b64_json}, and a weight that cannot be honoured follow the
 *       client's {@link UnsupportedOptionPolicy}: with {@code WARN} the request goes on without them and the
 *       response metadata carries a warning ({@value #WARNINGS}); with {@code REFUSE} an
 *       {@link UnsupportedOptionException} is thrown before anything is sent. Nothing is dropped silently;</li>
 *   <li>reference images (Spring AI 2 {@code ImageMessage} media, every message's in order) are sent as Seedream's
 *       reference images: a {@code Media} with bytes as bytes, with a URL as a URL; core checks them against the
 *       model's limits, and a provider that cannot take them refuses the request with a message saying what
 *       would work.</li>
 * </ul>
 *
 * <p>Each image is returned as base64 in {@link Image#getB64Json()}. seedream4j fetches every image as soon as it is
 * made and hosts none, so there is no URL to give: for {@code responseFormat=url} (under {@code WARN}),
 * {@link Image#getUrl()} holds a {@code data:image/png;base64,...} URI. Each {@link ImageGeneration} carries a
 * {@link SeedreamImageGenerationMetadata} (seed, pixels, media type); the response metadata carries the provider,
 * seed, cost and warnings under the keys defined here.
 *
 * <p>Thread-safe when the client is. The model does not close the client.
 */
public final class SeedreamImageModel implements ImageModel {

    /** The model this image model generates with when the options name none and the provider serves it. */
    public static final String MODEL = "seedream-4.0";
    /** The model names the options take, one per Seedream version. */
    public static final List<String> MODELS = List.of("seedream-4.0", "seedream-4.5", "seedream-5.0-lite");
    /** Response metadata key: the provider id, a {@link String}. */
    public static final String PROVIDER = "seedream.provider";
    /** Response metadata key: the seed of the first image, a {@link Long}; absent when the provider takes none. */
    public static final String SEED = "seedream.seed";
    /** Response metadata key: what the generation cost, a {@link java.math.BigDecimal}. */
    public static final String COST = "seedream.cost";
    /** Response metadata key: the cost's ISO 4217 currency code, a {@link String}. */
    public static final String CURRENCY = "seedream.cost.currency";
    /** Response metadata key: {@code reported} (by the provider) or {@code estimated} (from its prices). */
    public static final String COST_BASIS = "seedream.cost.basis";
    /** Response metadata key: the warnings, a {@code List<String>} of {@code "code: message"}; may be empty. */
    public static final String WARNINGS = "seedream.warnings";
    /** Response metadata key: the provider's job ids, a {@code List<String>}; may be empty. */
    public static final String JOB_IDS = "seedream.job-ids";

    private static final String B64_JSON = "b64_json";
    private static final String URL = "url";

    private final SeedreamClient client;
    private final SeedreamImageOptions defaults;

    /**
     * With no default options.
     *
     * @param client the client to generate with, never {@code null}; the caller closes it
     * @throws NullPointerException if {@code client} is null
     */
    public SeedreamImageModel(SeedreamClient client) {
        this(client, new SeedreamImageOptions());
    }

    /**
     * With default options, which each prompt's options override.
     *
     * @param client the client to generate with, never {@code null}; the caller closes it
     * @param defaults the default options, never {@code null}; copied
     * @throws NullPointerException if an argument is null
     */
    public SeedreamImageModel(SeedreamClient client, SeedreamImageOptions defaults) {
        this.client = Objects.requireNonNull(client, "client");
        this.defaults = Objects.requireNonNull(defaults, "defaults").copy();
    }

    /** {@return a copy of the default options} */
    public SeedreamImageOptions getDefaultOptions() {
        return defaults.copy();
    }

    /**
     * Generates the images the prompt asks for. Blocks until done.
     *
     * @param prompt the prompt, never {@code null}
     * @return the images, with seed, cost and warnings in the metadata
     * @throws NullPointerException if {@code prompt} is null
     * @throws InvalidRequestException if the prompt has no text, or only one of width and height
     * @throws UnsupportedOptionException if it asks for what Seedream cannot honour and the policy is
     *         {@code REFUSE}
     * @throws SeedreamException a subtype saying what went wrong at the provider
     */
    /** The version {@code name} names ({@code seedream-4.5}, or core's forms such as {@code 4.5}), or null. */
    private static SeedreamModel model(String name) {
        try {
            return SeedreamModel.parse(name);
        } catch (InvalidRequestException e) {
            return null;
        }
    }

    @Override
    public ImageResponse call(ImagePrompt prompt) {
        Objects.requireNonNull(prompt, "prompt");
        SeedreamImageOptions options = defaults.merge(prompt.getOptions());
        Unsupported unsupported = new Unsupported(client);

        StringJoiner positive = new StringJoiner(" ");
        StringJoiner negative = new StringJoiner(" ");
        for (ImageMessage message : prompt.getInstructions()) {
            if (message.getText() == null || message.getText().isBlank()) {
                continue;
            }
            Float weight = message.getWeight();
            if (weight != null && Math.abs(weight) != 1f) {
                unsupported.add("prompt weight " + weight + ": Seedream weighs every prompt alike; the text is used "
                        + "at full weight");
            }
            (weight != null && weight < 0 ? negative : positive).add(message.getText());
        }
        if (positive.length() == 0) {
            throw new InvalidRequestException("the image prompt has no text with a positive weight: give at least "
                    + "one message with text to generate from");
        }
        if (options.getNegativePrompt() != null) {
            negative.add(options.getNegativePrompt());
        }

        GenerationRequest.Builder request = GenerationRequest.builder(positive.toString())
                .count(options.getN() == null ? 1 : options.getN());
        if (negative.length() > 0) {
            request.negativePrompt(negative.toString());
        }
        if (options.getWidth() != null || options.getHeight() != null) {
            if (options.getWidth() == null || options.getHeight() == null) {
                throw new InvalidRequestException("width " + options.getWidth() + " and height " + options.getHeight()
                        + ": set both (Seedream takes exact pixels), or neither for the default size");
            }
            request.size(ImageSize.exact(options.getWidth(), options.getHeight()));
        }
        if (options.getSeed() != null) {
            request.seed(Seed.of(options.getSeed()));
        }
        if (options.getModel() != null) {
            SeedreamModel model = model(options.getModel());
            if (model != null) {
                request.model(model);
            } else {
                unsupported.add("model '" + options.getModel() + "': this image model generates with Seedream ("
                        + String.join(", ", MODELS) + ") on provider " + client.providerId() + "; leave the model "
                        + "unset for the provider's default or set one of them");
            }
        }
        request.images(ReferenceImages.of(prompt.getInstructions()));
        if (options.getStyle() != null) {
            unsupported.add("style '" + options.getStyle() + "': Seedream has no style parameter; describe the "
                    + "style in the prompt");
        }
        String format = options.getResponseFormat() == null ? B64_JSON
                : options.getResponseFormat().toLowerCase(Locale.ROOT);
        if (format.equals(URL)) {
            unsupported.add("response format 'url': seedream4j fetches every image at once and hosts none, so the "
                    + "url is a data: URI holding the image; ask for b64_json to get the base64 data alone");
        } else if (!format.equals(B64_JSON)) {
            unsupported.add("response format '" + options.getResponseFormat() + "': only b64_json and url are "
                    + "known; the image is returned as b64_json");
            format = B64_JSON;
        }

        GenerationResult result = client.generate(request.build());
        return response(result, format.equals(URL), unsupported.warnings);
    }

    private static ImageResponse response(GenerationResult result, boolean dataUri, List<Warning> warnings) {
        List<ImageGeneration> generations = new ArrayList<>();
        for (GeneratedImage image : result.images()) {
            String base64 = Base64.getEncoder().encodeToString(image.bytes());
            String url = dataUri ? "data:" + image.mediaType() + ";base64," + base64 : null;
            generations.add(new ImageGeneration(new Image(url, base64), new SeedreamImageGenerationMetadata(image)));
        }
        ImageResponseMetadata metadata = new ImageResponseMetadata(System.currentTimeMillis());
        metadata.put(PROVIDER, result.providerId());
        result.seed().ifPresent(seed -> metadata.put(SEED, seed.value()));
        Charge charge = result.charge();
        metadata.put(COST, charge.cost().amount());
        metadata.put(CURRENCY, charge.cost().currency().getCurrencyCode());
        metadata.put(COST_BASIS, charge.basis().name().toLowerCase(Locale.ROOT));
        List<String> all = new ArrayList<>();
        warnings.forEach(w -> all.add(w.toString()));
        result.warnings().forEach(w -> all.add(w.toString()));
        metadata.put(WARNINGS, List.copyOf(all));
        metadata.put(JOB_IDS, result.jobIds());
        return new ImageResponse(generations, metadata);
    }

    @Override
    public String toString() {
        return "SeedreamImageModel[provider=" + client.providerId() + ", defaults=" + defaults + "]";
    }

    /** Applies the client's policy to what this adapter cannot map. */
    private static final class Unsupported {
        private final SeedreamClient client;
        private final List<Warning> warnings = new ArrayList<>();

        Unsupported(SeedreamClient client) {
            this.client = client;
        }

        void add(String what) {
            if (client.unsupportedOptionPolicy() == UnsupportedOptionPolicy.REFUSE) {
                throw new UnsupportedOptionException("provider " + client.providerId() + " cannot honour " + what
                        + " (policy REFUSE)", client.providerId(), null, null);
            }
            warnings.add(Warning.of(Warning.UNSUPPORTED_OPTION, what));
        }
    }
}
