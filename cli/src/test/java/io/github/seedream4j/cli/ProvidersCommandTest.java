package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProvidersCommandTest {

    private static final String CANARY = "canary-7f3a9c-secret";

    @Test
    void providers_listsFakeAndRunpodWithCapabilitiesAndSettings() {
        CliRun r = CliRun.of("providers");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("fake - Offline, deterministic PNG images")
                .contains("runpod - Seedream 4.0 on Runpod's public endpoint")
                .contains("pricing:          0.027 USD per megapixel")
                .contains("prompt enhance:   no")
                .contains("api-key    required  NOT SET (required), secret");
    }

    @Test
    void providers_showsWhereASecretIsSetButNeverItsValue() {
        String property = "seedream.runpod.api-key";
        String before = System.getProperty(property);
        System.setProperty(property, CANARY);
        try {
            CliRun fromProperty = CliRun.of("providers");
            assertThat(fromProperty.out()).contains("api-key    required  set (system property seedream.runpod.api-key), secret")
                    .doesNotContain(CANARY);
            assertThat(fromProperty.err()).doesNotContain(CANARY);
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }

        CliRun explicit = CliRun.of("providers", "--set", "api-key=" + CANARY, "--set", "base-url=http://" + CANARY);
        assertThat(explicit.code()).isZero();
        assertThat(explicit.out()).contains("set (explicit setting 'api-key'), secret").doesNotContain(CANARY);
        assertThat(explicit.err()).doesNotContain(CANARY);
    }
}
