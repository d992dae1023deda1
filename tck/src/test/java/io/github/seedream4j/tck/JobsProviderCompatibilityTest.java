package io.github.seedream4j.tck;

import io.github.seedream4j.tck.fixture.JobsProviderFactory;
import io.github.seedream4j.tck.fixture.JobsStub;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The kit against a well-behaved fixture provider with jobs, over {@link StubServer}: every check that applies
 * runs, including the late-job-id checks.
 */
class JobsProviderCompatibilityTest extends ImageProviderCompatibilityKit {

    JobsStub stub;

    @BeforeEach
    void startStub() {
        stub = new JobsStub();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Override
    protected String providerId() {
        return JobsProviderFactory.ID;
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("base-url", stub.baseUrl());
    }

    @Override
    protected boolean deterministic() {
        return true;
    }

    @Override
    protected boolean provokeFailure(Map<String, String> settings) {
        stub.fail(canary());
        return true;
    }

    @Override
    protected boolean makeSlow(Map<String, String> settings) {
        stub.slow();
        return true;
    }

    @Override
    protected boolean holdSubmission(Map<String, String> settings, HeldSubmission held) {
        stub.hold(held);
        return true;
    }

    @Override
    @Test
    @Disabled("the fixture lives in the kit's test classes, which have no module descriptor")
    public void discovery_moduleDescriptorProvidesTheFactory() {
    }
}
