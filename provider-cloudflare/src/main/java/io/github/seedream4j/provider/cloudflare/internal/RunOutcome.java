package io.github.seedream4j.provider.cloudflare.internal;

import io.github.seedream4j.http.ErrorDetail;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/** What a response body from {@code /ai/run} says, whichever of the documented shapes it came in. */
sealed interface RunOutcome {

    /**
     * The model finished: one image URL for Seedream 4.0 ({@code result.image}), or several for models that
     * answer {@code result.images[]}.
     *
     * @param images the image URLs, at least one
     * @param keySource {@code gatewayMetadata.keySource} ({@code Unified} or {@code BYOK}), or {@code null}
     */
    record Completed(List<URI> images, String keySource) implements RunOutcome {
        public Completed {
            images = List.copyOf(images);
            if (images.isEmpty()) {
                throw new IllegalArgumentException("a completed run has at least one image");
            }
        }
    }

    /**
     * Cloudflare or the model reported a failure: {@code success: false}, non-empty {@code errors[]}, or
     * {@code state: Failed} with {@code error}.
     *
     * @param errors what was reported, at least one entry
     */
    record Failed(List<ApiError> errors) implements RunOutcome {
        public Failed {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a failed run has at least one error");
            }
        }
    }

    /**
     * The body is a well-formed answer that names no image: {@code state: Completed} or a {@code result} without
     * {@code image} or {@code images}. Cloudflare said it is done, so this is a failed run, not a lost answer.
     *
     * @param reason what is missing, for a message
     */
    record NoImage(String reason) implements RunOutcome {
        public NoImage {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The body is not one of the documented shapes: not JSON (an HTML error page), empty, a run that is not
     * finished, or an image entry that is not a URL. After HTTP 2xx this means the answer was lost, not that
     * the run failed.
     *
     * @param reason what is wrong with it, for a message
     */
    record Unreadable(String reason) implements RunOutcome {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * One error entry. Cloudflare's v4 envelope uses numeric codes ({@code 7003}); the AI Gateway Run API uses
     * strings ({@code provider_unavailable}); so the code is kept as text.
     *
     * @param code the code as text, or {@code null} when none was given
     * @param message the message, or {@code ""}
     */
    record ApiError(String code, String message) {
        public ApiError {
            message = message == null ? "" : message;
        }

        /** {@return this error as the toolkit's translator reads it} */
        ErrorDetail toDetail() {
            return new ErrorDetail(code, message);
        }

        @Override
        public String toString() {
            return (code == null ? "" : "code " + code + ": ") + message;
        }
    }
}
