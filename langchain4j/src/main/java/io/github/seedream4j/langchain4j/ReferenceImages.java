package io.github.seedream4j.langchain4j;

import dev.langchain4j.data.image.Image;
import dev.langchain4j.model.output.Response;
import io.github.seedream4j.UnsupportedOptionException;
import java.util.List;

/**
 * The one place where LangChain4j's images to edit meet seedream4j. seedream4j's request has no reference images
 * yet, so every edit is refused; mapping them (base64 data or a URL, with a media type) is a change here alone.
 */
final class ReferenceImages {

    private ReferenceImages() {
    }

    static Response<Image> refuse(String providerId, List<Image> images) {
        throw new UnsupportedOptionException("provider " + providerId + " cannot edit images through seedream4j "
                + "yet: edit needs " + images.size() + " reference image(s), which seedream4j cannot send; generate "
                + "from text with generate(prompt) instead", providerId, null, null);
    }
}
