package io.github.seedream4j.tck;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The kit against the well-behaved in-process editor fixture: the checks of reference images, sets and model
 * versions run with what the fixture sent, and pass.
 */
class EditorProviderCompatibilityTest extends KitRuns.EditorRun {

    @Override
    @Test
    @Disabled("the fixture lives in the kit's test classes, which have no module descriptor")
    public void discovery_moduleDescriptorProvidesTheFactory() {
    }
}
