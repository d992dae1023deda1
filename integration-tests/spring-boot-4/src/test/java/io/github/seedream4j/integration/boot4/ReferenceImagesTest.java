package io.github.seedream4j.integration.boot4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.UnsupportedOptionException;
import io.github.seedream4j.provider.fake.FakeLedger;
import io.github.seedream4j.spring.ai.SeedreamImageModel;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.ai.content.Media;
import org.springframework.ai.image.ImageMessage;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.util.MimeTypeUtils;

/** Spring AI 2 carries reference images as message media; seedream4j refuses them rather than ignore them. */
class ReferenceImagesTest {

    @Test
    void call_messageWithMediaIsRefusedWhateverThePolicy() {
        try (SeedreamClient client = SeedreamClient.builder().provider("fake").setting("ledger", "boot4-media")
                .build()) {
            SeedreamImageModel model = new SeedreamImageModel(client);
            Media reference = new Media(MimeTypeUtils.IMAGE_PNG, URI.create("https://example.com/cat.png"));
            ImagePrompt prompt = new ImagePrompt(List.of(new ImageMessage("the same cat, at night", null,
                    List.of(reference), Map.of())));

            assertThatThrownBy(() -> model.call(prompt)).isInstanceOf(UnsupportedOptionException.class)
                    .hasMessage("the image prompt carries 1 reference image(s), which seedream4j cannot send to "
                            + "provider fake yet; generate from text alone, without media in the ImageMessage");
            assertThat(FakeLedger.named("boot4-media").requests()).isEmpty();
        }
    }

    @Test
    void call_messageWithoutMediaGenerates() {
        try (SeedreamClient client = SeedreamClient.builder().provider("fake").build()) {
            SeedreamImageModel model = new SeedreamImageModel(client);

            assertThat(model.call(new ImagePrompt(List.of(new ImageMessage("a cat", null, List.of(), Map.of()))))
                    .getResults()).hasSize(1);
        }
    }
}
