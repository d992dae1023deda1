package io.github.seedream4j.cli;

import io.github.seedream4j.GeneratedImage;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.ImageDestination;
import java.util.concurrent.CompletableFuture;

/**
 * The one seam between the batch engine and the client: start one request (or resume one job) and hear, as soon as
 * they are known, the provider's job id and each image saved. Everything the batch records about a submission comes
 * through here.
 */
interface Generator {

    /** What a generation reports before its result. Called from the client's threads. */
    interface Progress {
        /** The provider accepted the request as {@code jobId}: from now on it may bill. */
        void accepted(String jobId);

        /** An image is fetched, checked and written: it was paid for. */
        void saved(GeneratedImage image);
    }

    /**
     * Starts {@code request}, or resumes {@code resumeJobId} when not null, writing images to {@code destination}.
     * A failure may be thrown at once or reported through the future.
     */
    CompletableFuture<GenerationResult> start(GenerationRequest request, ImageDestination destination, String resumeJobId,
            Progress progress);
}
