package io.github.seedream4j.spring.ai;

import io.github.seedream4j.UnsupportedOptionException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import org.springframework.ai.image.ImageMessage;

/**
 * The one place where reference images from Spring AI meet seedream4j. Spring AI 2 carries them as
 * {@code ImageMessage.getMedia()}, a method Spring AI 1.1 does not have, so it is looked up at run time. seedream4j's
 * request has no reference images yet: a message with media is refused. Mapping them is a change here alone.
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
     * Refuses a message that carries reference images.
     *
     * @param message the message
     * @param providerId the client's provider, for the message
     * @throws UnsupportedOptionException if the message carries media
     */
    static void refuseMedia(ImageMessage message, String providerId) {
        int count = media(message).size();
        if (count > 0) {
            throw new UnsupportedOptionException("the image prompt carries " + count + " reference image(s), which "
                    + "seedream4j cannot send to provider " + providerId + " yet; generate from text alone, without "
                    + "media in the ImageMessage", providerId, null, null);
        }
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
