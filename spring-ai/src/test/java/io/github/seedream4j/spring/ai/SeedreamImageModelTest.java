package io.github.seedream4j.spring.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.UnsupportedOptionException;
import io.github.seedream4j.UnsupportedOptionPolicy;
import io.github.seedream4j.provider.fake.FakeLedger;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.image.ImageGeneration;
import org.springframework.ai.image.ImageMessage;
import org.springframework.ai.image.ImageOptions;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;

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
                "unsupported-option: model 'dall-e-3': this image model generates with seedream-4.0 on provider "
                        + "fake; leave the model unset or set it to seedream-4.0",
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
}
