package io.github.seedream4j.spring.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.ReferenceImage;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.UnsupportedOptionException;
import io.github.seedream4j.UnsupportedOptionPolicy;
import io.github.seedream4j.provider.fake.FakeLedger;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.ai.content.Media;
import org.springframework.ai.image.ImageGeneration;
import org.springframework.ai.image.ImageMessage;
import org.springframework.ai.image.ImageOptions;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeTypeUtils;

/** Spring AI prompts and options, mapped onto the fake provider. */
class SeedreamImageModelTest {

    private static final AtomicInteger LEDGERS = new AtomicInteger();

    private final String ledger = "spring-ai-" + LEDGERS.incrementAndGet();
    private SeedreamClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private SeedreamImageModel model(UnsupportedOptionPolicy policy) {
        client = SeedreamClient.builder().provider("fake").setting("ledger", ledger).setting("price", "0.03/image")
                .unsupportedOptions(policy).build();
        return new SeedreamImageModel(client);
    }

    private List<GenerationRequest> sent() {
        return FakeLedger.named(ledger).requests();
    }

    private static SeedreamImageOptions.Builder options() {
        return SeedreamImageOptions.builder();
    }

    @Test
    void call_returnsBase64PngsWithExactPixelsAndNoUrl() throws IOException {
        ImageResponse response = model(UnsupportedOptionPolicy.WARN).call(new ImagePrompt("a lighthouse at dawn",
                options().width(1280).height(720).build()));

        ImageGeneration generation = response.getResult();
        assertThat(generation.getOutput().getUrl()).isNull();
        byte[] png = Base64.getDecoder().decode(generation.getOutput().getB64Json());
        assertThat(pngSize(png)).isEqualTo("1280x720");
        assertThat(generation.getMetadata()).isInstanceOfSatisfying(SeedreamImageGenerationMetadata.class, m -> {
            assertThat(m.getMediaType()).isEqualTo("image/png");
            assertThat(m.getWidth()).isEqualTo(1280);
            assertThat(m.getHeight()).isEqualTo(720);
            assertThat(m.getSeed()).isNotNull();
        });
        assertThat(sent()).singleElement().satisfies(r -> assertThat(r.prompt().text()).isEqualTo(
                "a lighthouse at dawn"));
    }

    @Test
    void call_putsProviderSeedCostAndWarningsInTheMetadata() {
        ImageResponse response = model(UnsupportedOptionPolicy.WARN).call(new ImagePrompt("a lighthouse",
                options().n(2).seed(7L).build()));

        assertThat(response.getResults()).hasSize(2);
        assertThat((String) response.getMetadata().get(SeedreamImageModel.PROVIDER)).isEqualTo("fake");
        assertThat((Long) response.getMetadata().get(SeedreamImageModel.SEED)).isEqualTo(7L);
        assertThat((BigDecimal) response.getMetadata().get(SeedreamImageModel.COST)).isEqualByComparingTo("0.06");
        assertThat((String) response.getMetadata().get(SeedreamImageModel.CURRENCY)).isEqualTo("USD");
        assertThat((String) response.getMetadata().get(SeedreamImageModel.COST_BASIS)).isEqualTo("estimated");
        assertThat(list(response, SeedreamImageModel.WARNINGS)).isEmpty();
        assertThat(list(response, SeedreamImageModel.JOB_IDS)).isNotNull();
        assertThat(response.getMetadata().getCreated()).isPositive();
        assertThat(sent()).singleElement().satisfies(r -> {
            assertThat(r.count()).isEqualTo(2);
            assertThat(r.seed()).hasValueSatisfying(s -> assertThat(s.value()).isEqualTo(7L));
        });
    }

    @Test
    void call_negativeWeightsBecomeTheNegativePrompt() {
        model(UnsupportedOptionPolicy.REFUSE).call(new ImagePrompt(List.of(new ImageMessage("a red fox"),
                new ImageMessage("in snow", 1f), new ImageMessage("blurry", -1f)),
                options().negativePrompt("text").build()));

        assertThat(sent()).singleElement().satisfies(r -> {
            assertThat(r.prompt().text()).isEqualTo("a red fox in snow");
            assertThat(r.negativePrompt()).hasValueSatisfying(n -> assertThat(n.text()).isEqualTo("blurry text"));
        });
    }

    @Test
    void call_acceptsAnyImageOptions() {
        ImageResponse response = model(UnsupportedOptionPolicy.REFUSE).call(new ImagePrompt("a lighthouse",
                new PlainOptions(3, 1024, 1024, "seedream-4.0", "B64_JSON", null)));

        assertThat(response.getResults()).hasSize(3);
        assertThat(sent()).singleElement().satisfies(r -> assertThat(r.size().toString()).isEqualTo("1024x1024"));
    }

    @Test
    void call_defaultOptionsApplyUnlessThePromptOverridesThem() {
        client = SeedreamClient.builder().provider("fake").setting("ledger", ledger).build();
        SeedreamImageModel model = new SeedreamImageModel(client,
                options().n(2).width(1024).height(1024).seed(3L).build());

        ImageResponse response = model.call(new ImagePrompt("a lighthouse", options().n(1).seed(4L).build()));

        assertThat(response.getResults()).hasSize(1);
        assertThat(sent()).singleElement().satisfies(r -> {
            assertThat(r.size().toString()).isEqualTo("1024x1024");
            assertThat(r.seed()).hasValueSatisfying(s -> assertThat(s.value()).isEqualTo(4L));
        });
        assertThat(model.getDefaultOptions().getN()).isEqualTo(2);
    }

    @Test
    void call_styleUnderWarnGoesOnWithAWarning() {
        ImageResponse response = model(UnsupportedOptionPolicy.WARN).call(new ImagePrompt("a lighthouse",
                options().style("vivid").build()));

        assertThat(list(response, SeedreamImageModel.WARNINGS)).containsExactly(
                "unsupported-option: style 'vivid': Seedream has no style parameter; describe the style in the prompt");
        assertThat(sent()).hasSize(1);
    }

    @Test
    void call_styleUnderRefuseThrowsBeforeSending() {
        SeedreamImageModel model = model(UnsupportedOptionPolicy.REFUSE);
        ImagePrompt prompt = new ImagePrompt("a lighthouse", options().style("vivid").build());

        assertThatThrownBy(() -> model.call(prompt)).isInstanceOf(UnsupportedOptionException.class)
                .hasMessage("provider fake cannot honour style 'vivid': Seedream has no style parameter; describe "
                        + "the style in the prompt (policy REFUSE)");
        assertThat(sent()).isEmpty();
    }

    @Test
    void call_urlFormatUnderWarnReturnsADataUriAndSaysSo() {
        ImageResponse response = model(UnsupportedOptionPolicy.WARN).call(new ImagePrompt("a lighthouse",
                options().responseFormat("url").build()));

        String base64 = response.getResult().getOutput().getB64Json();
        assertThat(response.getResult().getOutput().getUrl()).isEqualTo("data:image/png;base64," + base64);
        assertThat(list(response, SeedreamImageModel.WARNINGS)).containsExactly(
                "unsupported-option: response format 'url': seedream4j fetches every image at once and hosts none, "
                        + "so the url is a data: URI holding the image; ask for b64_json to get the base64 data alone");
    }

    @Test
    void call_urlFormatUnderRefuseThrows() {
        SeedreamImageModel model = model(UnsupportedOptionPolicy.REFUSE);
        ImagePrompt prompt = new ImagePrompt("a lighthouse", options().responseFormat("url").build());

        assertThatThrownBy(() -> model.call(prompt)).isInstanceOf(UnsupportedOptionException.class)
                .hasMessageStartingWith("provider fake cannot honour response format 'url'");
        assertThat(sent()).isEmpty();
    }

    @Test
    void call_unknownFormatModelAndWeightAreWarnedAboutNeverDropped() {
        ImageResponse response = model(UnsupportedOptionPolicy.WARN).call(new ImagePrompt(
                List.of(new ImageMessage("a lighthouse", 0.5f)),
                options().responseFormat("png").model("dall-e-3").build()));

        assertThat(response.getResult().getOutput().getB64Json()).isNotEmpty();
        assertThat(list(response, SeedreamImageModel.WARNINGS)).containsExactly(
                "unsupported-option: prompt weight 0.5: Seedream weighs every prompt alike; the text is used at full "
                        + "weight",
                "unsupported-option: model 'dall-e-3': this image model generates with Seedream (seedream-4.0, "
                        + "seedream-4.5, seedream-5.0-lite) on provider fake; leave the model unset for the provider's "
                        + "default or set one of them",
                "unsupported-option: response format 'png': only b64_json and url are known; the image is returned "
                        + "as b64_json");
    }

    @Test
    void call_widthWithoutHeightIsRefused() {
        SeedreamImageModel model = model(UnsupportedOptionPolicy.WARN);
        ImagePrompt prompt = new ImagePrompt("a lighthouse", options().width(1024).build());

        assertThatThrownBy(() -> model.call(prompt)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("width 1024 and height null: set both (Seedream takes exact pixels), or neither for the "
                        + "default size");
    }

    @Test
    void call_promptWithoutPositiveTextIsRefused() {
        SeedreamImageModel model = model(UnsupportedOptionPolicy.WARN);
        ImagePrompt prompt = new ImagePrompt(List.of(new ImageMessage("blurry", -1f)));

        assertThatThrownBy(() -> model.call(prompt)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("the image prompt has no text with a positive weight: give at least one message with "
                        + "text to generate from");
    }

    @Test
    void call_requestInvalidForTheModelIsRefusedByTheClient() {
        SeedreamImageModel model = model(UnsupportedOptionPolicy.WARN);
        ImagePrompt prompt = new ImagePrompt("a lighthouse", options().n(17).build());

        assertThatThrownBy(() -> model.call(prompt)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("17");
    }

    private static List<String> list(ImageResponse response, String key) {
        return response.getMetadata().get(key);
    }

    /** {@return the pixel size in a PNG's IHDR chunk} */
    private static String pngSize(byte[] png) throws IOException {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        ByteBuffer header = ByteBuffer.wrap(new ByteArrayInputStream(png, 16, 8).readAllBytes());
        return header.getInt() + "x" + header.getInt();
    }

    /** Spring AI's portable options, as another library would pass them. */
    private record PlainOptions(Integer getN, Integer getWidth, Integer getHeight, String getModel,
            String getResponseFormat, String getStyle) implements ImageOptions {
    }

    @Test
    void call_modelNamesASeedreamVersion() {
        model(UnsupportedOptionPolicy.REFUSE).call(new ImagePrompt("a lighthouse", options().model("seedream-4.5")
                .build()));

        assertThat(sent()).singleElement().satisfies(r -> assertThat(r.model()).contains(SeedreamModel.V4_5));
    }

    @Test
    void media_becomeReferenceImages_bytesAsBytesUrlsAsUrls() {
        byte[] png = Base64.getDecoder().decode(TINY_PNG);

        assertThat(ReferenceImages.of(new Media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(png)), 1))
                .isInstanceOfSatisfying(ReferenceImage.Inline.class, i -> assertThat(i.bytes()).isEqualTo(png));
        assertThat(ReferenceImages.of(new Media(MimeTypeUtils.IMAGE_PNG, URI.create("https://example.com/cat.png")),
                2)).isEqualTo(ReferenceImage.url("https://example.com/cat.png"));
        assertThat(ReferenceImages.of(Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG)
                .data("data:image/png;base64," + TINY_PNG).build(), 3))
                .isInstanceOfSatisfying(ReferenceImage.Inline.class, i -> assertThat(i.bytes()).isEqualTo(png));
        assertThatThrownBy(() -> ReferenceImages.of(Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG)
                .data("data:image/png,rawbytes").build(), 4)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("reference image 4 is a data URI that is not base64: give the image's bytes or its "
                        + "https URL");
        assertThatThrownBy(() -> ReferenceImages.of("a cat", 5)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("reference image 5 holds a String without data: give a Media with the image's bytes (a "
                        + "Resource) or its https URL");
    }

    /** Spring AI 2's ImageMessage carries media; 1.1's has none, so there this test has nothing to run. */
    @Test
    void call_sendsEveryMessagesMediaAsReferenceImagesInOrder() throws Exception {
        java.lang.reflect.Constructor<ImageMessage> withMedia;
        try {
            withMedia = ImageMessage.class.getConstructor(String.class, Float.class, java.util.Collection.class,
                    java.util.Map.class);
        } catch (NoSuchMethodException e) {
            Assumptions.abort("this Spring AI's ImageMessage carries no media (Spring AI 1.x)");
            return;
        }
        byte[] png = Base64.getDecoder().decode(TINY_PNG);
        ImageMessage cat = withMedia.newInstance("put the hat on the cat", null,
                List.of(new Media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(png))), java.util.Map.of());
        ImageMessage hat = withMedia.newInstance("in this style", null,
                List.of(new Media(MimeTypeUtils.IMAGE_PNG, URI.create("https://example.com/hat.png"))),
                java.util.Map.of());

        model(UnsupportedOptionPolicy.REFUSE).call(new ImagePrompt(List.of(cat, hat)));

        assertThat(sent()).singleElement().satisfies(r -> assertThat(r.images()).containsExactly(
                ReferenceImage.bytes(png), ReferenceImage.url("https://example.com/hat.png")));
    }

    /** A 64x64 PNG, large enough for every model's reference image limits. */
    private static final String TINY_PNG = png64();

    private static String png64() {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(64, 64,
                    java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
