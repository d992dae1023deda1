package io.github.seedream4j.provider.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.GeneratedImage;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.ReferenceImage;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.Seed;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.SeedreamModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake covers the whole model: reference images show in the picture, sequential sets are related. */
class FakeWholeModelTest {

    private static final GenerationRequest REQUEST = GenerationRequest.of("put the hat on the cat")
            .withSize(ImageSize.exact(1024, 1024)).withSeed(Seed.of(7));

    private static byte[] generate(SeedreamClient client, GenerationRequest request) {
        return client.generate(request).image().bytes();
    }

    @Test
    void referenceImages_changeThePicture_deterministically() {
        FakeLedger ledger = FakeLedger.create();
        try (SeedreamClient client = SeedreamClient.builder().provider(FakeProvider.factory(ledger)).build()) {
            ReferenceImage cat = ReferenceImage.url("https://example.com/cat.png");
            ReferenceImage hat = ReferenceImage.url("https://example.com/hat.png");
            byte[] plain = generate(client, REQUEST);
            byte[] withCat = generate(client, REQUEST.withImages(List.of(cat)));
            byte[] withCatAndHat = generate(client, REQUEST.withImages(List.of(cat, hat)));
            byte[] again = generate(client, REQUEST.withImages(List.of(cat, hat)));
            assertThat(withCat).isNotEqualTo(plain);
            assertThat(withCatAndHat).isNotEqualTo(withCat);
            assertThat(again).isEqualTo(withCatAndHat);
        }
        assertThat(ledger.requests().get(1).images()).hasSize(1);
    }

    @Test
    void sequentialSet_givesRelatedButDifferentImages_onEveryModel() {
        try (SeedreamClient client = SeedreamClient.builder().provider(FakeProvider.factory(FakeLedger.create()))
                .build()) {
            for (SeedreamModel model : SeedreamModel.values()) {
                GenerationRequest set = REQUEST.withSize(ImageSize.exact(2048, 2048)).withModel(model).withMaxImages(3);
                GenerationResult result = client.generate(set);
                assertThat(result.images()).as(model.label()).hasSize(3);
                assertThat(result.images()).extracting(GeneratedImage::resolution)
                        .containsOnly(Resolution.of(2048, 2048));
                assertThat(result.images().stream().map(i -> java.util.Arrays.hashCode(i.bytes())).distinct())
                        .as(model.label()).hasSize(3);
            }
        }
    }
}
