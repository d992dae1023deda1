package io.github.seedream4j.provider.cloudflare.internal;

import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.Resolution;

/**
 * Turns a validated request into Cloudflare's body. The client already refused or stripped what this provider
 * cannot take (seed, negative prompt, safety toggle, extras), so only schema keys are ever written.
 */
final class RequestMapper {

    /** Cloudflare's value of {@code size} for explicit pixels. */
    static final String CUSTOM = "custom";

    private RequestMapper() {
    }

    static RunRequest toRunRequest(String model, GenerationRequest request) {
        String size;
        String ratio = null;
        Integer width = null;
        Integer height = null;
        ImageSize s = request.size();
        if (s instanceof ImageSize.Tiered) {
            ImageSize.Tiered t = (ImageSize.Tiered) s;
            size = t.tier().label();
            ratio = t.ratio().toString(); // prints 21:9 for the reduced 7:3, as the schema's enum spells it
        } else {
            Resolution r = s.resolution();
            size = CUSTOM;
            width = r.width();
            height = r.height();
        }
        Boolean enhance = request.enhancePrompt().orElse(null);
        return new RunRequest(model, new RunRequest.Input(request.prompt().text(), size, ratio, width, height, enhance));
    }
}
