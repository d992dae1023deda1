package io.github.seedream4j.provider.cloudflare.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.AspectRatio;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.SizeTier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class RequestMapperTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String MODEL = "bytedance/seedream-4.0";

    private static JsonNode written(RunRequest request) {
        return JSON.readTree(JSON.writeValueAsString(request));
    }

    private static JsonNode vector(String name) {
        return JSON.readTree(Vectors.text(name));
    }

    @Test
    void toRunRequest_vectorB_4kSquare() {
        RunRequest r = RequestMapper.toRunRequest(MODEL, GenerationRequest.builder("A detailed steampunk mechanical owl "
                + "with brass gears and copper feathers, intricate clockwork visible")
                .size(SizeTier.FOUR_K, AspectRatio.RATIO_1_1).build());

        assertThat(written(r)).isEqualTo(vector("vector-b-request.json"));
    }

    @Test
    void toRunRequest_vectorC_21by9IsSpelledAsTheSchemaDoes() {
        RunRequest r = RequestMapper.toRunRequest(MODEL, GenerationRequest.builder("A vast alien desert landscape "
                + "with two suns setting on the horizon, ancient ruins in the foreground")
                .size(SizeTier.TWO_K, AspectRatio.parse("21:9")).build());

        assertThat(written(r)).isEqualTo(vector("vector-c-request.json"));
        assertThat(r.input().aspectRatio()).isEqualTo("21:9");
    }

    @Test
    void toRunRequest_vectorE_4kPortrait() {
        RunRequest r = RequestMapper.toRunRequest(MODEL, GenerationRequest.builder("A detailed botanical illustration "
                + "of exotic tropical flowers").size(SizeTier.FOUR_K, AspectRatio.RATIO_3_4).build());

        assertThat(written(r)).isEqualTo(vector("vector-e-request.json"));
    }

    @Test
    void serialization_vectorsAAndD_leaveUnsetKeysOut() {
        // Vectors A and D send no size; a GenerationRequest always has one (2K 1:1 by default), so these two are
        // checked on the DTO: unset keys are left out, and the names are the schema's.
        RunRequest a = new RunRequest(MODEL, new RunRequest.Input(
                "A serene mountain lake surrounded by pine trees at dawn", null, null, null, null, null));
        RunRequest d = new RunRequest(MODEL, new RunRequest.Input(
                "An elegant Art Deco poster featuring a jazz singer under a spotlight", null, "9:16", null, null, true));

        assertThat(written(a)).isEqualTo(vector("vector-a-request.json"));
        assertThat(written(d)).isEqualTo(vector("vector-d-request.json"));
    }

    @Test
    void toRunRequest_defaultSize_sends2kSquare() {
        RunRequest r = RequestMapper.toRunRequest(MODEL, GenerationRequest.of("a lake"));

        assertThat(r.input()).isEqualTo(new RunRequest.Input("a lake", "2K", "1:1", null, null, null));
    }

    @Test
    void toRunRequest_exactPixels_sendsCustomWithWidthAndHeight() {
        RunRequest r = RequestMapper.toRunRequest(MODEL, GenerationRequest.builder("a lake").size(1536, 1024).build());

        assertThat(written(r)).isEqualTo(JSON.readTree("{\"model\":\"bytedance/seedream-4.0\",\"input\":{\"prompt\":"
                + "\"a lake\",\"size\":\"custom\",\"width\":1536,\"height\":1024}}"));
    }

    @Test
    void toRunRequest_enhanceFalse_isSentAsFalse() {
        RunRequest r = RequestMapper.toRunRequest(MODEL, GenerationRequest.builder("a lake").enhancePrompt(false).build());

        assertThat(r.input().enhancePrompt()).isFalse();
        assertThat(written(r).get("input").get("enhance_prompt").booleanValue()).isFalse();
    }

    @Test
    void toRunRequest_everySeedreamRatio_isInTheSchemaEnum() {
        for (AspectRatio ratio : AspectRatio.SEEDREAM_RATIOS) {
            RunRequest r = RequestMapper.toRunRequest(MODEL, GenerationRequest.builder("x").size(SizeTier.ONE_K, ratio)
                    .build());
            assertThat(r.input().aspectRatio()).isIn("1:1", "4:3", "3:4", "16:9", "9:16", "3:2", "2:3", "21:9");
            assertThat(r.input().size()).isEqualTo("1K");
        }
    }
}
