package io.github.seedream4j.langchain4j;

import dev.langchain4j.data.image.Image;
import dev.langchain4j.model.output.Response;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.ReferenceImage;
import io.github.seedream4j.UnsupportedOptionException;
import java.util.Base64;

/** The one place where LangChain4j's images to edit meet seedream4j's reference images. */
final class ReferenceImages {

    private ReferenceImages() {
    }

    /** An image with base64 data becomes bytes (checked by core), one with only a URL goes as a URL. */
    static ReferenceImage of(Image image) {
        if (image.base64Data() != null) {
            try {
                return ReferenceImage.bytes(Base64.getMimeDecoder().decode(image.base64Data()));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("the image to edit holds base64 data that does not decode: "
                        + e.getMessage() + "; pass the image's bytes encoded as base64, or its URL");
            }
        }
        if (image.url() != null) {
            return ReferenceImage.url(image.url());
        }
        throw new InvalidRequestException("the image to edit has neither base64 data nor a URL; give it one");
    }

    static Response<Image> refuseMask(String providerId) {
        throw new UnsupportedOptionException("provider " + providerId + " edits from reference images and a prompt, "
                + "not with a mask; call edit(image, prompt) and say in the prompt what to change", providerId, null,
                null);
    }
}
