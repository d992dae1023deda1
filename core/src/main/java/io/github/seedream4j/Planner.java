package io.github.seedream4j;

import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.ImageTransport;
import io.github.seedream4j.spi.ModelOffer;
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
        Capabilities c = capabilities;
        ModelOffer offer = request.model().map(m -> c.offer(m).orElseThrow(() -> new InvalidRequestException(
                "provider " + id + " does not serve Seedream " + m + "; it serves " + c.models().stream()
                        .map(o -> o.model().label()).toList() + ". Ask for one of those, or choose a provider that "
                        + "serves " + m, id, null, null))).orElse(c.defaultModel());
        SeedreamModel model = offer.model();
        ImageSize size = request.size();
        Resolution resolution;

        if (size instanceof ImageSize.Exact exact) {
            resolution = exact.resolution();
            model.check(resolution);
            if (c.exactSizes()) {
                checkSides(resolution);
            } else {
                ImageSize.Tiered tiered = SizeTable.lookup(model, resolution)
                        .filter(t -> c.tiers().contains(t.tier()) && c.ratios().contains(t.ratio()))
                        .orElseThrow(() -> new InvalidRequestException("provider " + id + " takes only tiers ("
                                + tiersFor(model) + ") with ratios " + c.ratios() + ", not exact pixels like "
                                + resolution + "; ask for a tier and an aspect ratio instead", id, null, null));
                sent.size(tiered);
            }
        } else {
            ImageSize.Tiered t = (ImageSize.Tiered) size;
            if (!model.tiers().contains(t.tier())) {
                throw new InvalidRequestException("Seedream " + model + " has no " + t.tier() + " tier: use one of "
                        + model.tiers() + ", or exact pixels", id, null, null);
            }
            resolution = model.resolve(t.tier(), t.ratio());
            boolean native_ = c.tiers().contains(t.tier()) && c.ratios().contains(t.ratio());
            if (!native_) {
                if (!c.exactSizes()) {
                    throw new InvalidRequestException("provider " + id + " does not offer " + t + " for Seedream "
                            + model + "; it offers tiers " + tiersFor(model) + " at ratios " + c.ratios(), id, null,
                            null);
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
        Integer setSize = request.maxImages().isPresent() ? request.maxImages().getAsInt() : null;
        if (setSize != null && !offer.sequential()) {
            unsupported(warnings, "a sequential set of up to " + setSize + " images", "makes no sequential sets with "
                    + "Seedream " + model + ", so one image is made");
            sent.maxImages(null);
            setSize = null;
        }
        if (setSize != null && setSize > offer.maxSetImages()) {
            throw new InvalidRequestException("a sequential set of up to " + setSize + " images is more than provider "
                    + id + " makes with Seedream " + model + " (at most " + offer.maxSetImages() + "): ask for "
                    + offer.maxSetImages() + " or fewer", id, null, null);
        }
        List<String> inputs = inputs(request.images(), offer);

        Seed base = request.seed().orElse(null);
        if (c.seed() && base == null) {
            base = Seed.random();
        }

        List<Plan.Call> calls = new ArrayList<>();
        if (setSize != null) {
            // the model decides how many images of the set it makes: one call, whatever the images per call
            sent.count(1).seed(c.seed() ? base : null);
            calls.add(new Plan.Call(sent.build(), 0, setSize, 0));
        } else {
            int perCall = c.maxImagesPerCall();
            for (int first = 0, index = 0; first < request.count(); first += perCall, index++) {
                int images = Math.min(perCall, request.count() - first);
                sent.count(images).seed(c.seed() ? base.plus(first) : null);
                calls.add(new Plan.Call(sent.build(), first, images, index));
            }
        }
        for (Plan.Call call : calls) {
            if (inputs.size() + call.images() > SeedreamModel.MAX_TOTAL_IMAGES) {
                throw new InvalidRequestException(inputs.size() + " reference images and " + call.images()
                        + " images made in one call of provider " + id + " are more than the "
                        + SeedreamModel.MAX_TOTAL_IMAGES + " Seedream takes in and out together: use fewer reference "
                        + "images", id, null, null);
            }
        }
        int outputs = setSize != null ? setSize : request.count();
        return new Plan(request, resolution, calls, warnings, offer, inputs, outputs);
    }

    private java.util.Set<SizeTier> tiersFor(SeedreamModel model) {
        java.util.Set<SizeTier> both = java.util.EnumSet.noneOf(SizeTier.class);
        both.addAll(capabilities.tiers());
        both.retainAll(model.tiers());
        return both;
    }

    /**
     * Checks each reference image against the model's limits and turns it into what the provider takes, or refuses
     * it with what would work: an image is never dropped.
     */
    private List<String> inputs(List<ReferenceImage> images, ModelOffer offer) {
        if (images.isEmpty()) {
            return List.of();
        }
        String id = providerId();
        SeedreamModel model = offer.model();
        if (!offer.takesImages()) {
            List<String> others = capabilities.models().stream().filter(ModelOffer::takesImages)
                    .map(o -> o.model().label()).toList();
            throw new InvalidRequestException("provider " + id + " takes no reference images with Seedream " + model
                    + (others.isEmpty() ? "; choose a provider that edits images"
                            : "; ask for model " + String.join(" or ", others) + ", which it serves with image inputs"),
                    id, null, null);
        }
        if (images.size() > model.maxReferenceImages()) {
            throw new InvalidRequestException(images.size() + " reference images are more than Seedream " + model
                    + " takes (" + model.maxReferenceImages() + "); use fewer", id, null, null);
        }
        if (images.size() > offer.maxReferenceImages()) {
            throw new InvalidRequestException(images.size() + " reference images are more than provider " + id
                    + " sends with Seedream " + model + " (" + offer.maxReferenceImages() + "); use fewer", id, null,
                    null);
        }
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            String which = "reference image " + (i + 1) + " (" + images.get(i).origin() + ")";
            if (images.get(i) instanceof ReferenceImage.Inline inline) {
                check(inline, which, model);
                if (!offer.imageInputs().contains(ImageTransport.DATA_URI)) {
                    throw new InvalidRequestException(which + " is held as bytes, but provider " + id + " takes "
                            + "reference images only as https URLs it fetches itself: put the image where the provider "
                            + "can fetch it and pass its URL", id, null, null);
                }
                inputs.add(inline.dataUri());
            } else {
                ReferenceImage.Remote remote = (ReferenceImage.Remote) images.get(i);
                if (!offer.imageInputs().contains(ImageTransport.URL)) {
                    throw new InvalidRequestException(which + " is a URL, but provider " + id + " takes reference "
                            + "images only inline, and seedream4j does not download them for you: download the image "
                            + "and pass the file", id, null, null);
                }
                inputs.add(remote.uri().toString());
            }
        }
        return inputs;
    }

    private void check(ReferenceImage.Inline image, String which, SeedreamModel model) {
        String id = providerId();
        if (!model.referenceFormats().contains(image.format())) {
            throw new InvalidRequestException(which + " is a " + image.format() + " image; Seedream " + model
                    + " takes " + model.referenceFormats() + ": convert it to PNG or JPEG", id, null, null);
        }
        if (image.byteSize() > SeedreamModel.MAX_REFERENCE_BYTES) {
            throw new InvalidRequestException(which + " has " + image.byteSize() + " bytes; Seedream takes at most "
                    + SeedreamModel.MAX_REFERENCE_BYTES + " (10 MB) per image: compress or shrink it", id, null, null);
        }
        Resolution r = image.resolution();
        if (r.width() > SeedreamModel.MAX_REFERENCE_SIDE || r.height() > SeedreamModel.MAX_REFERENCE_SIDE) {
            throw new InvalidRequestException(which + " is " + r + "; Seedream takes at most "
                    + SeedreamModel.MAX_REFERENCE_SIDE + " pixels a side: shrink it", id, null, null);
        }
        if (r.width() < SeedreamModel.MIN_REFERENCE_SIDE || r.height() < SeedreamModel.MIN_REFERENCE_SIDE) {
            throw new InvalidRequestException(which + " is " + r + "; each side must be more than "
                    + (SeedreamModel.MIN_REFERENCE_SIDE - 1) + " pixels: use a larger image", id, null, null);
        }
        int ratio = model.maxReferenceRatio();
        if (r.width() > (long) ratio * r.height() || r.height() > (long) ratio * r.width()) {
            throw new InvalidRequestException(which + " is " + r + "; Seedream " + model + " takes reference images "
                    + "with width/height between 1/" + ratio + " and " + ratio + ": crop it", id, null, null);
        }
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
        final ModelOffer model;
        final List<String> inputs;
        /** The most images the request can produce: its count, or its set's size. */
        final int outputs;

        Plan(GenerationRequest request, Resolution resolution, List<Call> calls, List<Warning> warnings,
                ModelOffer model, List<String> inputs, int outputs) {
            this.request = request;
            this.resolution = resolution;
            this.calls = List.copyOf(calls);
            this.warnings = List.copyOf(warnings);
            this.model = model;
            this.inputs = List.copyOf(inputs);
            this.outputs = outputs;
        }

        /** One provider call: the request as sent, the index of its first image, its image count and its index. */
        record Call(GenerationRequest sent, int firstImage, int images, int index) {
        }
    }

}
