package io.github.seedream4j.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.image.Image;
import dev.langchain4j.model.output.Response;
import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.ProviderSelectionException;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.UnsupportedOptionException;
import io.github.seedream4j.UnsupportedOptionPolicy;
import io.github.seedream4j.provider.fake.FakeLedger;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The LangChain4j image model on the fake provider. */
class SeedreamImageModelTest {

    @Test
    void generate_returnsBase64PngWithItsMimeTypeAndMetadata() {
        try (SeedreamImageModel model = SeedreamImageModel.builder().provider("fake").setting("ledger", "lc4j-one")
                .setting("price", "0.03/image").size("1280x720").seed(7L).build()) {

            Response<Image> response = model.generate("a lighthouse at dawn");

            Image image = response.content();
            assertThat(image.mimeType()).isEqualTo("image/png");
            assertThat(image.url()).isNull();
            assertThat(pngSize(Base64.getDecoder().decode(image.base64Data()))).isEqualTo("1280x720");
            assertThat(response.metadata()).containsEntry(SeedreamImageModel.PROVIDER, "fake")
                    .containsEntry(SeedreamImageModel.SEED, 7L)
                    .containsEntry(SeedreamImageModel.CURRENCY, "USD")
                    .containsEntry(SeedreamImageModel.COST_BASIS, "estimated")
                    .containsEntry(SeedreamImageModel.WARNINGS, List.of());
            assertThat((BigDecimal) response.metadata().get(SeedreamImageModel.COST)).isEqualByComparingTo("0.03");
            assertThat(FakeLedger.named("lc4j-one").requests()).singleElement().satisfies(r -> {
                assertThat(r.prompt().text()).isEqualTo("a lighthouse at dawn");
                assertThat(r.size().toString()).isEqualTo("1280x720");
            });
        }
    }

    @Test
    void generate_nImagesFromOnePrompt() {
        try (SeedreamImageModel model = SeedreamImageModel.builder().provider("fake").setting("ledger", "lc4j-n")
                .negativePrompt("blurry").build()) {

            Response<List<Image>> response = model.generate("a red fox", 5);

            assertThat(response.content()).hasSize(5).allSatisfy(i -> assertThat(i.mimeType()).isEqualTo("image/png"));
            assertThat(response.content().get(0).base64Data()).isNotEqualTo(response.content().get(1).base64Data());
            assertThat(FakeLedger.named("lc4j-n").requests()).extracting(GenerationRequest::count)
                    .containsExactly(4, 1); // the fake makes at most 4 per call: the client fans out
            assertThat(FakeLedger.named("lc4j-n").requests().get(0).negativePrompt())
                    .hasValueSatisfying(n -> assertThat(n.text()).isEqualTo("blurry"));
        }
    }

    @Test
    void generate_withAClientLeavesItOpen() {
        try (SeedreamClient client = SeedreamClient.builder().provider("fake").build()) {
            SeedreamImageModel model = SeedreamImageModel.builder().client(client).build();
            model.generate("a lighthouse");

            model.close();

            assertThat(model.client()).isSameAs(client);
            assertThat(client.generate(GenerationRequest.of("a lighthouse")).images()).hasSize(1);
        }
    }

    @Test
    void close_closesTheClientTheModelBuilt() {
        SeedreamImageModel model = SeedreamImageModel.builder().provider("fake").build();

        model.close();

        assertThatThrownBy(() -> model.generate("a lighthouse")).isInstanceOf(GenerationCancelledException.class);
    }

    @Test
    void builder_passesClientOptionsOn() {
        List<String> events = new CopyOnWriteArrayList<>();
        try (SeedreamImageModel model = SeedreamImageModel.builder().provider("fake")
                .timeout(java.time.Duration.ofSeconds(30)).unsupportedOptions(UnsupportedOptionPolicy.REFUSE)
                .listener(e -> events.add(e.getClass().getSimpleName())).build()) {

            model.generate("a lighthouse");

            assertThat(model.client()).hasToString("SeedreamClient[provider=fake, policy=REFUSE, timeout=PT30S]");
            assertThat(events).contains("Validated", "Completed");
        }
    }

    @Test
    void builder_refusesAClientWithClientOptions() {
        try (SeedreamClient client = SeedreamClient.builder().provider("fake").build()) {
            assertThatThrownBy(() -> SeedreamImageModel.builder().client(client).provider("fake").build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("give either client(...) or provider, settings, timeout, unsupportedOptions and "
                            + "listeners for a new client, not both: configure the client you pass in when you "
                            + "build it");
        }
    }

    @Test
    void builder_unknownProviderIsAnError() {
        assertThatThrownBy(() -> SeedreamImageModel.builder().provider("nope").build())
                .isInstanceOf(ProviderSelectionException.class).hasMessageContaining("'nope'");
    }

    @Test
    void generate_invalidCountIsRefused() {
        try (SeedreamImageModel model = SeedreamImageModel.builder().provider("fake").build()) {
            assertThatThrownBy(() -> model.generate("a lighthouse", 0)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageStartingWith("image count 0 is out of range");
        }
    }

    @Test
    void edit_sendsTheImageAsAReferenceImage_andRefusesMasks() throws Exception {
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(64, 48,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "png", png);
        Image image = Image.builder().base64Data(java.util.Base64.getEncoder().encodeToString(png.toByteArray()))
                .mimeType("image/png").build();
        try (SeedreamImageModel model = SeedreamImageModel.builder().provider("fake").setting("ledger", "lc4j-edit")
                .build()) {
            Response<Image> edited = model.edit(image, "make it night");
            assertThat(edited.content().base64Data()).isNotBlank();
            assertThat(FakeLedger.named("lc4j-edit").requests()).hasSize(1);
            assertThat(FakeLedger.named("lc4j-edit").requests().get(0).images()).hasSize(1);

            assertThatThrownBy(() -> model.edit(image, image, "make it night"))
                    .isInstanceOf(UnsupportedOptionException.class).hasMessage("provider fake edits from reference "
                            + "images and a prompt, not with a mask; call edit(image, prompt) and say in the prompt "
                            + "what to change");
            assertThatThrownBy(() -> model.edit(Image.builder().base64Data("iVBORw0KGgo=").build(), "x"))
                    .isInstanceOf(InvalidRequestException.class).hasMessage("reference image (the given bytes) is a PNG image "
                            + "without a readable size in its header: it is damaged");
        }
    }


    /** {@return the pixel size in a PNG's IHDR chunk} */
    private static String pngSize(byte[] png) {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
        return header.getInt() + "x" + header.getInt();
    }
}
