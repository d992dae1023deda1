package com.example.pixelmill;

import io.github.seedream4j.tck.ImageProviderCompatibilityKit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Pixelmill passes the compatibility kit against its stub. */
class PixelmillProviderCompatibilityTest extends ImageProviderCompatibilityKit {

    private PixelmillStub stub;

    @BeforeEach
    void startStub() {
        stub = new PixelmillStub();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Override
    protected String providerId() {
        return PixelmillProviderFactory.ID;
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of(PixelmillProviderFactory.BASE_URL.name(), stub.baseUrl());
    }

    @Override
    protected boolean deterministic() {
        return true;
    }

    /** A 500 whose message echoes the key, as a careless gateway might: it must not reach the caller. */
    @Override
    protected boolean provokeFailure(Map<String, String> settings) {
        stub.fail(500, "{\"error\":{\"code\":\"internal\",\"message\":\"failed while checking key " + canary()
                + "\"}}");
        return true;
    }

    @Override
    protected boolean makeSlow(Map<String, String> settings) {
        stub.hang();
        return true;
    }
}
