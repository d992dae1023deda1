package io.github.seedream4j.spring.ai;

import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.ReferenceImage;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.ai.content.Media;
import org.springframework.ai.image.ImageMessage;

/**
 * The one place where reference images from Spring AI meet seedream4j. Spring AI 2 carries them as
 * {@code ImageMessage.getMedia()}, a method Spring AI 1.1 does not have, so it is looked up at run time; on 1.1 a
 * message has no media. Each {@link Media} becomes a {@link ReferenceImage}, in order: bytes (a {@code Resource})
 * as bytes, a URL as a URL (the provider fetches it; the client never does unless the provider takes only inline
 * images), a {@code data:} URI as its decoded bytes. Core then checks each against the model's limits.
 */
final class ReferenceImages {

    /** {@code ImageMessage.getMedia()} on Spring AI 2, or {@code null} on 1.1. */
    private static final MethodHandle GET_MEDIA = findGetMedia();

    private ReferenceImages() {
    }

    private static MethodHandle findGetMedia() {
        try {
            return MethodHandles.publicLookup().findVirtual(ImageMessage.class, "getMedia",
                    MethodType.methodType(List.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null; // Spring AI 1.1: messages carry text only
        }
    }

    /**
     * The reference images of every message, in order.
     *
     * @param messages the prompt's messages
     * @return the images, empty when none carries media
     * @throws InvalidRequestException naming the image by position when its media holds neither bytes nor a URL
     */
    static List<ReferenceImage> of(List<ImageMessage> messages) {
        List<ReferenceImage> images = new ArrayList<>();
        for (ImageMessage message : messages) {
            for (Object media : media(message)) {
                images.add(of(media, images.size() + 1));
            }
        }
        return images;
    }

    static ReferenceImage of(Object media, int position) {
        Object data = media instanceof Media m ? m.getData() : null;
        if (data instanceof byte[] bytes) {
            return ReferenceImage.bytes(bytes);
        }
        if (data instanceof String text && text.regionMatches(true, 0, "data:", 0, 5)) {
            int comma = text.indexOf(',');
            if (comma < 0 || !text.substring(0, comma).toLowerCase(java.util.Locale.ROOT).endsWith(";base64")) {
                throw new InvalidRequestException("reference image " + position + " is a data URI that is not "
                        + "base64: give the image's bytes or its https URL");
            }
            try {
                return ReferenceImage.bytes(Base64.getMimeDecoder().decode(text.substring(comma + 1)));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("reference image " + position + " is a data URI whose base64 does "
                        + "not decode (" + e.getMessage() + "): give the image's bytes or its https URL");
            }
        }
        if (data instanceof String url) {
            return ReferenceImage.url(url);
        }
        String what = media == null ? "nothing" : data == null ? "a " + media.getClass().getSimpleName() + " without data"
                : "a " + data.getClass().getSimpleName();
        throw new InvalidRequestException("reference image " + position + " holds " + what + ": give a Media with the "
                + "image's bytes (a Resource) or its https URL");
    }

    static List<?> media(ImageMessage message) {
        if (GET_MEDIA == null) {
            return List.of();
        }
        try {
            List<?> media = (List<?>) GET_MEDIA.invoke(message);
            return media == null ? List.of() : media;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("ImageMessage.getMedia() failed", e);
        }
    }
}
