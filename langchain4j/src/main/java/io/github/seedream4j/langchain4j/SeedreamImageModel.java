package io.github.seedream4j.langchain4j;

import dev.langchain4j.data.image.Image;
import dev.langchain4j.model.image.ImageModel;
import dev.langchain4j.model.output.Response;
import io.github.seedream4j.Charge;
import io.github.seedream4j.GeneratedImage;
import io.github.seedream4j.GenerationListener;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.Seed;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.UnsupportedOptionException;
import io.github.seedream4j.UnsupportedOptionPolicy;
import io.github.seedream4j.Warning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A LangChain4j {@link ImageModel} that generates with Seedream through a {@link SeedreamClient}.
 *
 * <pre>{@code
 * SeedreamImageModel model = SeedreamImageModel.builder()
 *         .provider("runpod")                      // RUNPOD_API_KEY from the environment
 *         .size("2048x1152")
 *         .build();
 * Response<Image> response = model.generate("a lighthouse at dawn");
 * byte[] png = Base64.getDecoder().decode(response.content().base64Data());
 * }</pre>
 *
 * <p>As with LangChain4j's own image models, options are set once on the builder: size, seed and negative prompt.
 * Each image comes back as base64 data with its media type (seedream4j fetches images at once and hosts none, so
 * {@link Image#url()} is {@code null}). The response metadata carries the provider, seed, cost and warnings under
 * the keys defined here; warnings come from the client's {@link UnsupportedOptionPolicy} (an option the provider
 * cannot honour is never dropped silently).
 *
 * <p>{@code edit(image, prompt)} sends the image as a reference image; {@code edit} with a mask throws
 * {@link UnsupportedOptionException}. Errors are seedream4j's {@link SeedreamException} subtypes.
 *
 * <p>Thread-safe when the client is. {@link #close()} closes the client only when this model built it.
 */
public final class SeedreamImageModel implements ImageModel, AutoCloseable {

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

    private final SeedreamClient client;
    private final boolean ownsClient;
    private final ImageSize size;
    private final Seed seed;
    private final String negativePrompt;

    private SeedreamImageModel(Builder b) {
        if (b.client != null) {
            this.client = b.client;
            this.ownsClient = false;
        } else {
            SeedreamClient.Builder cb = SeedreamClient.builder().provider(b.provider).settings(b.settings);
            if (b.timeout != null) {
                cb.timeout(b.timeout);
            }
            if (b.policy != null) {
                cb.unsupportedOptions(b.policy);
            }
            b.listeners.forEach(cb::listener);
            this.client = cb.build();
            this.ownsClient = true;
        }
        this.size = b.size;
        this.seed = b.seed;
        this.negativePrompt = b.negativePrompt;
    }

    /** {@return a builder; give it a client, or a provider and its settings} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the client this model generates with} */
    public SeedreamClient client() {
        return client;
    }

    /**
     * Generates one image. Blocks until done.
     *
     * @param prompt the prompt, not blank
     * @return the image as base64 data with its media type, and the metadata
     * @throws InvalidRequestException if the prompt is blank or too long, or the options are invalid
     * @throws SeedreamException a subtype saying what went wrong
     */
    @Override
    public Response<Image> generate(String prompt) {
        Response<List<Image>> all = generate(prompt, 1);
        return Response.from(all.content().get(0), null, null, all.metadata());
    }

    /**
     * Generates {@code n} images from one prompt. Blocks until done.
     *
     * @param prompt the prompt, not blank
     * @param n how many images, 1 to {@link GenerationRequest#MAX_COUNT}
     * @return the images as base64 data with their media type, and the metadata
     * @throws InvalidRequestException if the prompt is blank or too long, {@code n} is out of range, or the options
     *         are invalid
     * @throws SeedreamException a subtype saying what went wrong
     */
    @Override
    public Response<List<Image>> generate(String prompt, int n) {
        return generate(GenerationRequest.builder(prompt).count(n));
    }

    private Response<List<Image>> generate(GenerationRequest.Builder request) {
        request.size(size).seed(seed);
        if (negativePrompt != null) {
            request.negativePrompt(negativePrompt);
        }
        GenerationResult result = client.generate(request.build());
        List<Image> images = new ArrayList<>();
        for (GeneratedImage image : result.images()) {
            images.add(Image.builder().base64Data(Base64.getEncoder().encodeToString(image.bytes()))
                    .mimeType(image.mediaType()).build());
        }
        return Response.from(images, null, null, metadata(result));
    }

    /**
     * Edits {@code image} as {@code prompt} says: the image goes to Seedream as a reference image (base64 data as
     * bytes, a URL as it is), on the provider's default model unless the client's requests say otherwise.
     *
     * @param image the image to edit, with base64 data or a URL
     * @param prompt what to change
     * @return the edited image as base64 data with its media type, and the metadata
     * @throws InvalidRequestException if the image is not a PNG, JPEG or WebP the model takes, or the provider
     *         cannot take reference images (the message says what would work)
     * @throws SeedreamException a subtype saying what went wrong
     */
    @Override
    public Response<Image> edit(Image image, String prompt) {
        Response<List<Image>> all = generate(GenerationRequest.builder(prompt)
                .image(ReferenceImages.of(image)));
        return Response.from(all.content().get(0), null, null, all.metadata());
    }

    /**
     * Refused: Seedream edits from reference images and a prompt, not from masks.
     *
     * @param image the image to edit
     * @param mask where to edit
     * @param prompt what to change
     * @return never
     * @throws UnsupportedOptionException always
     */
    @Override
    public Response<Image> edit(Image image, Image mask, String prompt) {
        return ReferenceImages.refuseMask(client.providerId());
    }

    private static Map<String, Object> metadata(GenerationResult result) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(PROVIDER, result.providerId());
        result.seed().ifPresent(s -> metadata.put(SEED, s.value()));
        Charge charge = result.charge();
        metadata.put(COST, charge.cost().amount());
        metadata.put(CURRENCY, charge.cost().currency().getCurrencyCode());
        metadata.put(COST_BASIS, charge.basis().name().toLowerCase(Locale.ROOT));
        metadata.put(WARNINGS, result.warnings().stream().map(Warning::toString).toList());
        metadata.put(JOB_IDS, result.jobIds());
        return metadata;
    }

    /** Closes the client when this model built it; a client given to the builder is left to its owner. */
    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    @Override
    public String toString() {
        return "SeedreamImageModel[provider=" + client.providerId() + ", size=" + size + ", seed=" + seed + "]";
    }

    /** Builds a {@link SeedreamImageModel}, in LangChain4j's style. Not thread-safe. */
    public static final class Builder {
        private SeedreamClient client;
        private String provider;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private Duration timeout;
        private UnsupportedOptionPolicy policy;
        private final List<GenerationListener> listeners = new ArrayList<>();
        private ImageSize size;
        private Seed seed;
        private String negativePrompt;

        private Builder() {
        }

        /**
         * An existing client; the model does not close it. Excludes the client options below.
         *
         * @param client the client
         * @return this builder
         */
        public Builder client(SeedreamClient client) {
            this.client = client;
            return this;
        }

        /**
         * The provider id for a client the model builds and closes, for example {@code runpod}; {@code null}
         * chooses as {@link SeedreamClient#builder()} does.
         *
         * @param provider the provider id, or {@code null}
         * @return this builder
         */
        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        /**
         * A provider setting, for example {@code api-key}; never printed.
         *
         * @param key the setting's name
         * @param value its value
         * @return this builder
         * @throws NullPointerException if an argument is null
         */
        public Builder setting(String key, String value) {
            settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * The deadline of one generation.
         *
         * @param timeout a positive duration, or {@code null} for {@link SeedreamClient#DEFAULT_TIMEOUT}
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * What to do with options the provider cannot honour.
         *
         * @param policy the policy, or {@code null} for {@link UnsupportedOptionPolicy#WARN}
         * @return this builder
         */
        public Builder unsupportedOptions(UnsupportedOptionPolicy policy) {
            this.policy = policy;
            return this;
        }

        /**
         * A listener for every generation's events.
         *
         * @param listener the listener
         * @return this builder
         * @throws NullPointerException if {@code listener} is null
         */
        public Builder listener(GenerationListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * The size of every image.
         *
         * @param size the size, or {@code null} for {@link GenerationRequest#DEFAULT_SIZE}
         * @return this builder
         */
        public Builder size(ImageSize size) {
            this.size = size;
            return this;
        }

        /**
         * The size of every image, as exact pixels ({@code 2048x1152}).
         *
         * @param size the size, as for {@link ImageSize#parse(String)}
         * @return this builder
         * @throws InvalidRequestException if the text is not a size
         */
        public Builder size(String size) {
            return size(ImageSize.parse(size));
        }

        /**
         * The seed of every generation; without one the client picks one and reports it.
         *
         * @param seed 0 to {@link Seed#MAX}, or {@code null}
         * @return this builder
         * @throws InvalidRequestException if the seed is out of range
         */
        public Builder seed(Long seed) {
            this.seed = seed == null ? null : Seed.of(seed);
            return this;
        }

        /**
         * What every image should not contain, on providers that take a negative prompt.
         *
         * @param negativePrompt the negative prompt, or {@code null}
         * @return this builder
         */
        public Builder negativePrompt(String negativePrompt) {
            this.negativePrompt = negativePrompt;
            return this;
        }

        /**
         * The model.
         *
         * @return a new model
         * @throws IllegalStateException if both a client and client options were given
         * @throws io.github.seedream4j.ProviderSelectionException if no provider can be chosen
         * @throws io.github.seedream4j.ConfigurationException if a provider setting is missing or malformed
         */
        public SeedreamImageModel build() {
            if (client != null && (provider != null || !settings.isEmpty() || timeout != null || policy != null
                    || !listeners.isEmpty())) {
                throw new IllegalStateException("give either client(...) or provider, settings, timeout, "
                        + "unsupportedOptions and listeners for a new client, not both: configure the client you "
                        + "pass in when you build it");
            }
            return new SeedreamImageModel(this);
        }
    }
}
