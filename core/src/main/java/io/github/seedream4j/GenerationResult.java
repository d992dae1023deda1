package io.github.seedream4j;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a generation: which provider made it, the images with their exact pixels and seeds, what it
 * cost (reported or estimated), where the time went, the provider's job ids, and any warnings. Immutable.
 */
public final class GenerationResult {

    private final String providerId;
    private final GenerationRequest request;
    private final List<GeneratedImage> images;
    private final Charge charge;
    private final Timings timings;
    private final List<Warning> warnings;
    private final List<String> jobIds;

    /**
     * @param providerId the id of the provider that generated the images
     * @param request the request as the caller made it
     * @param images the images, at least one
     * @param charge the summed cost of every provider call
     * @param timings where the time went
     * @param warnings anything the caller should know; may be empty
     * @param jobIds the provider's job ids, one per call that had one; may be empty
     */
    public GenerationResult(String providerId, GenerationRequest request, List<GeneratedImage> images, Charge charge,
            Timings timings, List<Warning> warnings, List<String> jobIds) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.request = Objects.requireNonNull(request, "request");
        this.images = List.copyOf(images);
        if (this.images.isEmpty()) {
            throw new IllegalArgumentException("a result has at least one image");
        }
        this.charge = Objects.requireNonNull(charge, "charge");
        this.timings = Objects.requireNonNull(timings, "timings");
        this.warnings = List.copyOf(warnings);
        this.jobIds = List.copyOf(jobIds);
    }

    /** {@return the id of the provider that made the images, for example {@code runpod}} */
    public String providerId() {
        return providerId;
    }

    /** {@return the request as the caller made it (before the client filled in a seed or dropped options)} */
    public GenerationRequest request() {
        return request;
    }

    /** {@return the images, in order; at least one} The list is unmodifiable. */
    public List<GeneratedImage> images() {
        return images;
    }

    /** {@return the first image} */
    public GeneratedImage image() {
        return images.get(0);
    }

    /**
     * {@return the seed of the first image, when the provider takes seeds} Pass it back to get the same image
     * again.
     */
    public Optional<Seed> seed() {
        return images.get(0).seed();
    }

    /** {@return what the generation cost, and whether the provider reported it or seedream4j estimated it} */
    public Charge charge() {
        return charge;
    }

    /** {@return where the time went} */
    public Timings timings() {
        return timings;
    }

    /** {@return options that were not honoured, sizes that differ, and the like} Unmodifiable; may be empty. */
    public List<Warning> warnings() {
        return warnings;
    }

    /** {@return the provider's job ids, for support tickets and dashboards} Unmodifiable; empty when it has none. */
    public List<String> jobIds() {
        return jobIds;
    }

    @Override
    public String toString() {
        return "GenerationResult[provider=" + providerId + ", images=" + images + ", charge=" + charge + ", "
                + timings + (warnings.isEmpty() ? "" : ", warnings=" + warnings) + "]";
    }
}
