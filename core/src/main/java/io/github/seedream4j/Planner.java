package io.github.seedream4j;

import io.github.seedream4j.spi.Capabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Validates requests against one provider's capabilities and splits them into provider calls. Shared by the
 * client, which then sends the calls, and the {@link CostEstimator}, which only prices them. Immutable.
 */
final class Planner {

    private final String providerId;
    private final Capabilities capabilities;
    private final UnsupportedOptionPolicy policy;

    Planner(String providerId, Capabilities capabilities, UnsupportedOptionPolicy policy) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    String providerId() {
        return providerId;
    }

    /** Validates a request against the provider and prepares its calls. */
    Plan plan(GenerationRequest request) {
        Objects.requireNonNull(request, "request");
        String id = providerId();
        List<Warning> warnings = new ArrayList<>();
        GenerationRequest.Builder sent = request.toBuilder();
        ImageSize size = request.size();
        Resolution resolution = size.resolution();
        Capabilities c = capabilities;

        if (size instanceof ImageSize.Exact) {
            ModelLimits.check(resolution);
            if (c.exactSizes()) {
                checkSides(resolution);
            } else {
                ImageSize.Tiered tiered = SizeTable.lookup(resolution)
                        .filter(t -> c.tiers().contains(t.tier()) && c.ratios().contains(t.ratio()))
                        .orElseThrow(() -> new InvalidRequestException("provider " + id + " takes only tiers ("
                                + c.tiers() + ") with ratios " + c.ratios() + ", not exact pixels like " + resolution
                                + "; ask for a tier and an aspect ratio instead", id, null, null));
                sent.size(tiered);
            }
        } else {
            ImageSize.Tiered t = (ImageSize.Tiered) size;
            boolean native_ = c.tiers().contains(t.tier()) && c.ratios().contains(t.ratio());
            if (!native_) {
                if (!c.exactSizes()) {
                    throw new InvalidRequestException("provider " + id + " does not offer " + t + "; it offers tiers "
                            + c.tiers() + " at ratios " + c.ratios(), id, null, null);
                }
                checkSides(resolution);
                sent.size(new ImageSize.Exact(resolution));
            }
        }

        request.negativePrompt().ifPresent(p -> {
            if (!c.negativePrompt()) {
                unsupported(warnings, "a negative prompt", "takes no negative prompt");
                sent.negativePrompt(null);
            }
        });
        request.seed().ifPresent(s -> {
            if (!c.seed()) {
                unsupported(warnings, "seed " + s, "takes no seed, so its images cannot be reproduced");
                sent.seed(null);
            }
        });
        request.safetyChecker().ifPresent(on -> {
            if (!c.safetyToggle()) {
                unsupported(warnings, "safety checker " + (on ? "on" : "off"), "cannot switch its safety checker");
                sent.safetyChecker(null);
            }
        });
        request.enhancePrompt().ifPresent(on -> {
            if (!c.promptEnhancement()) {
                unsupported(warnings, "prompt enhancement " + (on ? "on" : "off"), "offers no prompt enhancement");
                sent.enhancePrompt(null);
            }
        });
        for (String extra : request.extras().keySet()) {
            if (!c.extras().contains(extra)) {
                unsupported(warnings, "extra option '" + extra + "'", c.extras().isEmpty() ? "takes no extra options"
                        : "takes only the extra options " + c.extras());
                sent.removeExtra(extra);
            }
        }
        Seed base = request.seed().orElse(null);
        if (c.seed() && base == null) {
            base = Seed.random();
        }

        int perCall = c.maxImagesPerCall();
        List<Plan.Call> calls = new ArrayList<>();
        for (int first = 0, index = 0; first < request.count(); first += perCall, index++) {
            int images = Math.min(perCall, request.count() - first);
            sent.count(images).seed(c.seed() ? base.plus(first) : null);
            calls.add(new Plan.Call(sent.build(), first, images, index));
        }
        return new Plan(request, resolution, calls, warnings);
    }

    private void checkSides(Resolution r) {
        Capabilities c = capabilities;
        if (r.width() < c.minSide() || r.height() < c.minSide() || r.width() > c.maxSide() || r.height() > c.maxSide()) {
            throw new InvalidRequestException("size " + r + " is outside what provider " + providerId() + " accepts: "
                    + "each side must be from " + c.minSide() + " to " + c.maxSide() + " pixels", providerId(), null, null);
        }
    }

    private void unsupported(List<Warning> warnings, String option, String why) {
        if (policy == UnsupportedOptionPolicy.REFUSE) {
            throw new UnsupportedOptionException("provider " + providerId() + " cannot honour " + option + ": it " + why
                    + ". Remove the option, choose a provider that supports it, or set the unsupported-option policy "
                    + "to WARN to send the request without it", providerId(), null, null);
        }
        warnings.add(Warning.of(Warning.UNSUPPORTED_OPTION, option + " was not sent: provider " + providerId() + " "
                + why));
    }

    /** A validated request and its calls. */
    static final class Plan {
        final GenerationRequest request;
        final Resolution resolution;
        final List<Call> calls;
        final List<Warning> warnings;

        Plan(GenerationRequest request, Resolution resolution, List<Call> calls, List<Warning> warnings) {
            this.request = request;
            this.resolution = resolution;
            this.calls = List.copyOf(calls);
            this.warnings = List.copyOf(warnings);
        }

        /** One provider call: the request as sent, the index of its first image, its image count and its index. */
        record Call(GenerationRequest sent, int firstImage, int images, int index) {
        }
    }

}
