package io.github.seedream4j.provider.cloudflare.internal;

import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.SizeTable;
import io.github.seedream4j.SizeTier;
import io.github.seedream4j.spi.ProviderCall;
import java.util.List;

/**
 * Turns a validated request into Cloudflare's body. The client already refused or stripped what this provider
 * cannot take (seed, negative prompt, safety toggle, extras), so only schema keys are ever written.
 */
final class RequestMapper {

    /** Cloudflare's value of {@code size} for explicit pixels. */
    static final String CUSTOM = "custom";

    private RequestMapper() {
    }

    /**
     * The body for {@code call}: Seedream 4.0's under {@code model4} (the setting {@code model}), the others under
     * the offer's id.
     */
    static Object toBody(String model4, ProviderCall call) {
        SeedreamModel model = call.model().model();
        if (model == SeedreamModel.V4_0) {
            return toRunRequest(model4, call.request());
        }
        return toImageSetRequest(call);
    }

    /**
     * Seedream 4.5 or 5.0 lite: a tier and an aspect ratio (their schemas take no pixels; exact pixels are sent
     * as the tier and ratio that make them), the reference images as URLs, and {@code auto} with
     * {@code max_images} for a sequential set.
     */
    static ImageSetRequest toImageSetRequest(ProviderCall call) {
        SeedreamModel model = call.model().model();
        ImageSize.Tiered t;
        if (call.request().size() instanceof ImageSize.Tiered tiered) {
            t = tiered;
        } else {
            Resolution r = call.request().size().resolution();
            t = SizeTable.lookup(model, r).orElseThrow(() -> new InvalidRequestException("provider cloudflare "
                    + "sends Seedream " + model + " a tier and an aspect ratio, not pixels, and " + r + " is not "
                    + "one of its tier sizes: ask for a tier (" + model.tiers().stream().map(SizeTier::label)
                    .collect(java.util.stream.Collectors.joining(" or ")) + ") with an aspect ratio instead",
                    "cloudflare", null, null));
        }
        List<String> inputs = call.inputs().isEmpty() ? null : call.inputs();
        return new ImageSetRequest(call.model().providerModelId(), new ImageSetRequest.Input(
                call.request().prompt().text(), inputs, t.tier().label(), t.ratio().toString(),
                call.sequential() ? "auto" : null, call.sequential() ? call.images() : null));
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
