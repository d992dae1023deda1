package io.github.seedream4j.provider.fal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.SeedreamModel;
import org.junit.jupiter.api.Test;

class FalModelTest {

    @Test
    void endpoints_areFalsIdsPerVersion() {
        assertThat(FalModel.ALL).extracting(m -> m.endpoint(false)).containsExactly(
                "fal-ai/bytedance/seedream/v4/text-to-image", "fal-ai/bytedance/seedream/v4.5/text-to-image",
                "bytedance/seedream/v5/lite/text-to-image");
        assertThat(FalModel.ALL).extracting(m -> m.endpoint(true)).containsExactly(
                "fal-ai/bytedance/seedream/v4/edit", "fal-ai/bytedance/seedream/v4.5/edit",
                "bytedance/seedream/v5/lite/edit");
    }

    @Test
    void app_isOwnerAndAlias_asFalsClientsBuildQueuePaths() {
        assertThat(FalModel.of(SeedreamModel.V4_0).app()).isEqualTo("fal-ai/bytedance");
        assertThat(FalModel.of(SeedreamModel.V4_5).app()).isEqualTo("fal-ai/bytedance");
        assertThat(FalModel.of(SeedreamModel.V5_0_LITE).app()).isEqualTo("bytedance/seedream");
    }
}
