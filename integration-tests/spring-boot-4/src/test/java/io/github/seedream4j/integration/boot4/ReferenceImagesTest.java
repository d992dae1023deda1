package io.github.seedream4j.integration.boot4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.ReferenceImage;
import io.github.seedream4j.SeedreamClient;
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

/** Spring AI 2 carries reference images as message media; seedream4j sends them as Seedream's reference images. */
class ReferenceImagesTest {

    @Test
    void call_messageMediaBecomeReferenceImages() {
        try (SeedreamClient client = SeedreamClient.builder().provider("fake").setting("ledger", "boot4-media")
                .build()) {
            SeedreamImageModel model = new SeedreamImageModel(client);
            Media reference = new Media(MimeTypeUtils.IMAGE_PNG, URI.create("https://example.com/cat.png"));
            ImagePrompt prompt = new ImagePrompt(List.of(new ImageMessage("the same cat, at night", null,
                    List.of(reference), Map.of())));

            assertThat(model.call(prompt).getResults()).hasSize(1);
            assertThat(FakeLedger.named("boot4-media").requests()).singleElement().satisfies(r -> assertThat(
                    r.images()).containsExactly(ReferenceImage.url("https://example.com/cat.png")));
        }
    }

    @Test
    void call_mediaThatHoldNoImageAreRefusedBeforeAnythingIsSent() {
        try (SeedreamClient client = SeedreamClient.builder().provider("fake").setting("ledger", "boot4-bad-media")
                .build()) {
            SeedreamImageModel model = new SeedreamImageModel(client);
            Media text = Media.builder().mimeType(MimeTypeUtils.TEXT_PLAIN).data("data:text/plain,hello").build();
            ImagePrompt prompt = new ImagePrompt(List.of(new ImageMessage("a cat", null, List.of(text), Map.of())));

            assertThatThrownBy(() -> model.call(prompt)).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("reference image 1 is a data URI that is not base64: give the image's bytes or its "
                            + "https URL");
            assertThat(FakeLedger.named("boot4-bad-media").requests()).isEmpty();
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
