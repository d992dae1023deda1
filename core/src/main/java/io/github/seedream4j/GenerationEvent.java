package io.github.seedream4j;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One step in the life of a generation, delivered to every {@link GenerationListener} registered on the client.
 * All events of one generation share its {@link #generationId()}, a random id the client assigns.
 *
 * <p>Events never carry a secret; they carry the prompt only inside {@link Validated#request()}.
 */
public sealed interface GenerationEvent {

    /** {@return the id the client gave this generation} */
    String generationId();

    /** {@return the id of the provider handling it} */
    String providerId();

    /** {@return when the event happened} */
    Instant at();

    /**
     * The request passed validation against the provider's capabilities, possibly with warnings.
     *
     * @param generationId the generation
     * @param providerId the provider
     * @param at when
     * @param request the request as the caller made it
     * @param resolution the exact pixels expected back
     * @param calls how many provider calls the request fans out to
     * @param warnings options that will not be honoured, and the like
     */
    record Validated(String generationId, String providerId, Instant at, GenerationRequest request,
            Resolution resolution, int calls, List<Warning> warnings) implements GenerationEvent {
        /**
         * Copies the warnings.
         *
         * @param generationId the generation
         * @param providerId the provider
         * @param at when
         * @param request the request as the caller made it
         * @param resolution the exact pixels expected back
         * @param calls how many provider calls the request fans out to
         * @param warnings the warnings, never {@code null} and holding no {@code null}
         * @throws NullPointerException if {@code warnings} or one of them is null
         */
        public Validated {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The provider accepted a call and gave it a job id.
     *
     * @param generationId the generation
     * @param providerId the provider
     * @param at when
     * @param callIndex which call of the fan-out, from 0
     * @param jobId the provider's job id
     */
    record Submitted(String generationId, String providerId, Instant at, int callIndex, String jobId)
            implements GenerationEvent {
    }

    /**
     * A request was sent again after a failure that is safe to retry.
     *
     * @param generationId the generation
     * @param providerId the provider
     * @param at when
     * @param attempt the attempt about to be made, from 2
     * @param delay how long the client waits first
     * @param reason why, for example {@code HTTP 429}
     */
    record Retried(String generationId, String providerId, Instant at, int attempt, Duration delay, String reason)
            implements GenerationEvent {
    }

    /**
     * The provider was asked how a job is doing.
     *
     * @param generationId the generation
     * @param providerId the provider
     * @param at when
     * @param jobId the job
     * @param status the provider's status, for example {@code IN_PROGRESS}
     */
    record Polled(String generationId, String providerId, Instant at, String jobId, String status)
            implements GenerationEvent {
    }

    /**
     * An image was fetched and checked.
     *
     * @param generationId the generation
     * @param providerId the provider
     * @param at when
     * @param image the image
     * @param took how long fetching and checking took
     */
    record ImageFetched(String generationId, String providerId, Instant at, GeneratedImage image, Duration took)
            implements GenerationEvent {
    }

    /**
     * The generation finished with a result.
     *
     * @param generationId the generation
     * @param providerId the provider
     * @param at when
     * @param result the result
     */
    record Completed(String generationId, String providerId, Instant at, GenerationResult result)
            implements GenerationEvent {
    }

    /**
     * The generation failed.
     *
     * @param generationId the generation
     * @param providerId the provider
     * @param at when
     * @param error the error the caller receives
     */
    record Failed(String generationId, String providerId, Instant at, SeedreamException error)
            implements GenerationEvent {
    }

    /**
     * The generation was cancelled by the caller or by its deadline.
     *
     * @param generationId the generation
     * @param providerId the provider
     * @param at when
     * @param reason why, for example {@code deadline of PT10M passed}
     */
    record Cancelled(String generationId, String providerId, Instant at, String reason) implements GenerationEvent {
    }
}
