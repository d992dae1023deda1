package org.example.seedream.solid;

import io.github.seedream4j.tck.ImageProviderCompatibilityKit;
import java.util.Map;

/** The whole conformance suite for the example provider: a few lines. */
class SolidColourProviderCompatibilityTest extends ImageProviderCompatibilityKit {

    @Override
    protected String providerId() {
        return "solid-colour";
    }

    @Override
    protected boolean deterministic() {
        return true;
    }

    @Override
    protected boolean makeSlow(Map<String, String> settings) {
        settings.put("delay", "60s");
        return true;
    }
}
