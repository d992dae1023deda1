package io.github.seedream4j.provider.fal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.http.Json;
import io.github.seedream4j.spi.ImageTransport;
import io.github.seedream4j.spi.ModelOffer;
import io.github.seedream4j.spi.ProviderCall;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FalInputTest {

    private static final String PROMPT = "A trendy restaurant with a digital menu board displaying \"Seedream 4.0 is "
            + "available on fal\" in elegant script, with diners enjoying their meals.";

    @Test
    void of_writesTheDocumentedFullExampleExactly() {
        GenerationRequest r = GenerationRequest.builder(PROMPT).size(ImageSize.exact(4096, 4096)).safetyChecker(true)
                .build();
        ProviderCall call = new ProviderCall(r, Resolution.of(4096, 4096), 1, 0);

        assertThat(json(FalInput.of(call, FalModel.of(SeedreamModel.V4_0))))
                .isEqualTo(Json.mapper().readTree(Vectors.text("v4-t2i-input-full.json")));
    }

    @Test
    void of_writesOnlyTheSchemasKeys_editWithASequentialSetAndASeed() {
        GenerationRequest r = GenerationRequest.builder("put the hat on the cat").size(ImageSize.exact(2048, 2048))
                .seed(42).maxImages(4).negativePrompt("blurry").enhancePrompt(true).build();
        ProviderCall call = new ProviderCall(r, Resolution.of(2048, 2048), 4, 0, new ModelOffer(SeedreamModel.V4_5,
                "fal-ai/bytedance/seedream/v4.5", Set.of(ImageTransport.URL), true),
                List.of("https://example.com/cat.png", "https://example.com/hat.png"));

        assertThat(json(FalInput.of(call, FalModel.of(SeedreamModel.V4_5)))).isEqualTo(Json.mapper().readTree(
                "{\"prompt\": \"put the hat on the cat\", \"image_size\": {\"width\": 2048, \"height\": 2048}, "
                        + "\"num_images\": 1, \"max_images\": 4, \"seed\": 42, \"image_urls\": "
                        + "[\"https://example.com/cat.png\", \"https://example.com/hat.png\"]}"));
    }

    @Test
    void of_leavesTheSeedOutWhereTheSchemaHasNone() {
        GenerationRequest r = GenerationRequest.builder("a red fox").size(ImageSize.exact(2560, 1440)).seed(7).build();
        ProviderCall call = new ProviderCall(r, Resolution.of(2560, 1440), 1, 0,
                ModelOffer.textOnly(SeedreamModel.V5_0_LITE, "bytedance/seedream/v5/lite"), List.of());

        assertThat(json(FalInput.of(call, FalModel.of(SeedreamModel.V5_0_LITE)))).isEqualTo(Json.mapper().readTree(
                "{\"prompt\": \"a red fox\", \"image_size\": {\"width\": 2560, \"height\": 1440}, \"num_images\": 1, "
                        + "\"max_images\": 1}"));
    }

    private static JsonNode json(FalInput input) {
        return Json.mapper().readTree(Json.mapper().writeValueAsString(input));
    }
}
