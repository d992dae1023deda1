package io.github.seedream4j;

import java.util.Map;
import java.util.Optional;

/** The Maven coordinates of the providers this project ships, so errors can name the artifact to add. */
final class ProviderArtifacts {

    private static final Map<String, String> KNOWN = Map.of(
            "fake", "io.github.seedream4j:seedream4j-provider-fake",
            "runpod", "io.github.seedream4j:seedream4j-provider-runpod",
            "cloudflare", "io.github.seedream4j:seedream4j-provider-cloudflare",
            "modelark", "io.github.seedream4j:seedream4j-provider-modelark",
            "fal", "io.github.seedream4j:seedream4j-provider-fal",
            "replicate", "io.github.seedream4j:seedream4j-provider-replicate");

    private ProviderArtifacts() {
    }

    /** The artifact that provides {@code id}, when it is one of ours. */
    public static Optional<String> artifactFor(String id) {
        return Optional.ofNullable(KNOWN.get(id));
    }

    /** Every provider id this project ships. */
    public static Map<String, String> known() {
        return KNOWN;
    }
}
