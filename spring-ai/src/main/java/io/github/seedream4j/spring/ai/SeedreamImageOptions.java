package io.github.seedream4j.spring.ai;

import java.util.Objects;
import org.springframework.ai.image.ImageOptions;

/**
 * Spring AI image options for Seedream: the portable ones ({@code n}, {@code width}, {@code height}, {@code model},
 * {@code responseFormat}, {@code style}) and Seedream's own {@code seed} and {@code negativePrompt}. Every property is
 * optional; an unset one takes the model's default options, then seedream4j's defaults.
 *
 * <pre>{@code
 * imageModel.call(new ImagePrompt("a lighthouse at dawn",
 *         SeedreamImageOptions.builder().width(2048).height(1152).seed(7L).build()));
 * }</pre>
 *
 * <p>Options Seedream cannot honour ({@code style}, a {@code url} response format, another model) follow the client's
 * {@link io.github.seedream4j.UnsupportedOptionPolicy}; see {@link SeedreamImageModel}. A mutable JavaBean, as Spring
 * AI's option types are, so that Spring Boot can bind it; not thread-safe while being changed.
 */
public class SeedreamImageOptions implements ImageOptions {

    /** Number of images to generate, 1 to 16. */
    private Integer n;
    /** Model; only Seedream 4.0 (seedream-4.0) is available, and the provider's settings choose its variant. */
    private String model;
    /** Exact width in pixels; set together with height. */
    private Integer width;
    /** Exact height in pixels; set together with width. */
    private Integer height;
    /** b64_json (the default) returns base64 image data; url returns a data: URI, as no image is hosted. */
    private String responseFormat;
    /** Style; Seedream has no style parameter, so describe the style in the prompt instead. */
    private String style;
    /** Seed, 0 to 2147483647, for repeatable images on providers that take seeds. */
    private Long seed;
    /** What the images should not contain, on providers that take a negative prompt. */
    private String negativePrompt;

    /** Creates options with nothing set. */
    public SeedreamImageOptions() {
    }

    /** {@return a builder of options with nothing set} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The options of {@code overrides} where set, else these.
     *
     * @param overrides the options of one request, or {@code null}; any {@link ImageOptions}
     * @return new options; neither input changes
     */
    public SeedreamImageOptions merge(ImageOptions overrides) {
        SeedreamImageOptions merged = copy();
        if (overrides == null) {
            return merged;
        }
        merged.n = pick(overrides.getN(), n);
        merged.model = pick(overrides.getModel(), model);
        merged.width = pick(overrides.getWidth(), width);
        merged.height = pick(overrides.getHeight(), height);
        merged.responseFormat = pick(overrides.getResponseFormat(), responseFormat);
        merged.style = pick(overrides.getStyle(), style);
        if (overrides instanceof SeedreamImageOptions) {
            SeedreamImageOptions o = (SeedreamImageOptions) overrides;
            merged.seed = pick(o.seed, seed);
            merged.negativePrompt = pick(o.negativePrompt, negativePrompt);
        }
        return merged;
    }

    private static <T> T pick(T first, T second) {
        return first != null ? first : second;
    }

    /** {@return an independent copy} */
    public SeedreamImageOptions copy() {
        SeedreamImageOptions c = new SeedreamImageOptions();
        c.n = n;
        c.model = model;
        c.width = width;
        c.height = height;
        c.responseFormat = responseFormat;
        c.style = style;
        c.seed = seed;
        c.negativePrompt = negativePrompt;
        return c;
    }

    @Override
    public Integer getN() {
        return n;
    }

    /** @param n number of images, 1 to 16, or {@code null} for one */
    public void setN(Integer n) {
        this.n = n;
    }

    @Override
    public String getModel() {
        return model;
    }

    /** @param model one of {@link SeedreamImageModel#MODELS}, or {@code null} for the provider's default */
    public void setModel(String model) {
        this.model = model;
    }

    @Override
    public Integer getWidth() {
        return width;
    }

    /** @param width exact width in pixels, or {@code null} */
    public void setWidth(Integer width) {
        this.width = width;
    }

    @Override
    public Integer getHeight() {
        return height;
    }

    /** @param height exact height in pixels, or {@code null} */
    public void setHeight(Integer height) {
        this.height = height;
    }

    @Override
    public String getResponseFormat() {
        return responseFormat;
    }

    /** @param responseFormat {@code b64_json}, {@code url}, or {@code null} for {@code b64_json} */
    public void setResponseFormat(String responseFormat) {
        this.responseFormat = responseFormat;
    }

    @Override
    public String getStyle() {
        return style;
    }

    /** @param style a style; Seedream cannot honour one, see {@link SeedreamImageModel} */
    public void setStyle(String style) {
        this.style = style;
    }

    /** {@return the seed, or {@code null} to let the client pick and report one} */
    public Long getSeed() {
        return seed;
    }

    /** @param seed the seed, 0 to 2147483647, or {@code null} */
    public void setSeed(Long seed) {
        this.seed = seed;
    }

    /** {@return the negative prompt, or {@code null}} */
    public String getNegativePrompt() {
        return negativePrompt;
    }

    /** @param negativePrompt what the images should not contain, or {@code null} */
    public void setNegativePrompt(String negativePrompt) {
        this.negativePrompt = negativePrompt;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SeedreamImageOptions)) {
            return false;
        }
        SeedreamImageOptions x = (SeedreamImageOptions) o;
        return Objects.equals(n, x.n) && Objects.equals(model, x.model) && Objects.equals(width, x.width)
                && Objects.equals(height, x.height) && Objects.equals(responseFormat, x.responseFormat)
                && Objects.equals(style, x.style) && Objects.equals(seed, x.seed)
                && Objects.equals(negativePrompt, x.negativePrompt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(n, model, width, height, responseFormat, style, seed, negativePrompt);
    }

    @Override
    public String toString() {
        return "SeedreamImageOptions[n=" + n + ", model=" + model + ", width=" + width + ", height=" + height
                + ", responseFormat=" + responseFormat + ", style=" + style + ", seed=" + seed
                + ", negativePrompt=" + (negativePrompt == null ? null : "\"" + negativePrompt + "\"") + "]";
    }

    /** Builds {@link SeedreamImageOptions}. Not thread-safe. */
    public static final class Builder {
        private final SeedreamImageOptions options = new SeedreamImageOptions();

        private Builder() {
        }

        /**
         * @param n number of images, 1 to 16
         * @return this builder
         */
        public Builder n(Integer n) {
            options.setN(n);
            return this;
        }

        /**
         * @param model one of {@link SeedreamImageModel#MODELS}, or {@code null} for the provider's default
         * @return this builder
         */
        public Builder model(String model) {
            options.setModel(model);
            return this;
        }

        /**
         * @param width exact width in pixels
         * @return this builder
         */
        public Builder width(Integer width) {
            options.setWidth(width);
            return this;
        }

        /**
         * @param height exact height in pixels
         * @return this builder
         */
        public Builder height(Integer height) {
            options.setHeight(height);
            return this;
        }

        /**
         * @param responseFormat {@code b64_json} or {@code url}
         * @return this builder
         */
        public Builder responseFormat(String responseFormat) {
            options.setResponseFormat(responseFormat);
            return this;
        }

        /**
         * @param style a style; Seedream cannot honour one
         * @return this builder
         */
        public Builder style(String style) {
            options.setStyle(style);
            return this;
        }

        /**
         * @param seed the seed, 0 to 2147483647
         * @return this builder
         */
        public Builder seed(Long seed) {
            options.setSeed(seed);
            return this;
        }

        /**
         * @param negativePrompt what the images should not contain
         * @return this builder
         */
        public Builder negativePrompt(String negativePrompt) {
            options.setNegativePrompt(negativePrompt);
            return this;
        }

        /** {@return the options; the builder must not be used afterwards} */
        public SeedreamImageOptions build() {
            return options.copy();
        }
    }
}
