package io.github.seedream4j.spring.boot.starter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.ProviderSelectionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** Start-up failures become Spring Boot failure analyses that say which property to set. */
class SeedreamFailureAnalyzerTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SeedreamAutoConfiguration.class));
    private final SeedreamFailureAnalyzer analyzer = new SeedreamFailureAnalyzer();

    @Test
    void analyze_malformedProviderSettingAtStartUp() {
        runner.withPropertyValues("seedream.provider=fake", "seedream.settings.latency=soon").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(ConfigurationException.class);

            FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());

            assertThat(analysis.getDescription()).startsWith("seedream4j could not configure its client: provider "
                    + "fake setting 'latency'").contains("soon");
            assertThat(analysis.getAction()).isEqualTo("Set the setting named above as seedream.settings.<key> in "
                    + "the application's configuration, or with the system property or environment variable it "
                    + "names; remove seedream.settings entries the provider does not have.");
        });
    }

    @Test
    void analyze_missingRequiredSettingNamesTheProperty() {
        ConfigurationException missing = new ConfigurationException("provider runpod needs setting 'api-key' "
                + "(Runpod API key): set the environment variable RUNPOD_API_KEY or SEEDREAM_RUNPOD_API_KEY, or the "
                + "system property seedream.runpod.api-key", "runpod", null, null);

        FailureAnalysis analysis = analyzer.analyze(new BeanCreationException("seedreamClient", "failed", missing));

        assertThat(analysis.getDescription()).isEqualTo("seedream4j could not configure its client: "
                + missing.getMessage());
        assertThat(analysis.getAction()).isEqualTo("Set seedream.settings.api-key in the application's "
                + "configuration (keep a secret in an environment variable: seedream.settings.api-key="
                + "${MY_VARIABLE}), or set the system property or environment variable named above.");
    }

    @Test
    void analyze_unknownProviderAtStartUp() {
        runner.withPropertyValues("seedream.provider=nope").run(context -> {
            assertThat(context).hasFailed();

            FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());

            assertThat(analysis.getDescription()).startsWith("seedream4j could not choose a provider: provider 'nope'")
                    .contains("fake");
            assertThat(analysis.getAction()).isEqualTo("Add the provider's artifact (for example "
                    + "io.github.seedream4j:seedream4j-provider-runpod) to the application's dependencies, or name "
                    + "one of the providers present with seedream.provider=<id>.");
            assertThat(analysis.getCause()).isInstanceOf(ProviderSelectionException.class);
        });
    }

    @Test
    void analyze_nonPositiveTimeoutNamesTheProperty() {
        runner.withPropertyValues("seedream.provider=fake", "seedream.timeout=0s").run(context -> {
            FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());

            assertThat(analysis.getDescription()).isEqualTo("seedream4j could not configure its client: "
                    + "seedream.timeout is PT0S; set a positive duration such as 2m");
            assertThat(analysis.getAction()).isEqualTo("Fix the property named above in the application's "
                    + "configuration.");
        });
    }

    @Test
    void analyze_tooSmallImageCapNamesTheProperty() {
        runner.withPropertyValues("seedream.provider=fake", "seedream.max-image-bytes=10B").run(context ->
                assertThat(analyzer.analyze(context.getStartupFailure()).getDescription()).isEqualTo(
                        "seedream4j could not configure its client: seedream.max-image-bytes is 10B; set at least 1KB"));
    }

    @Test
    void analyze_leavesOtherFailuresToOtherAnalyzers() {
        assertThat(analyzer.analyze(new IllegalStateException("boom"))).isNull();
        assertThat(analyzer.analyze(new InvalidRequestException("bad prompt"))).isNull();
    }

    @Test
    void analyzer_isRegisteredForSpringBoot() {
        // Spring Boot's own analyzers need constructor arguments; only whether ours is listed and loads matters here
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class, null,
                (type, name, failure) -> { }))
                .hasAtLeastOneElementOfType(SeedreamFailureAnalyzer.class);
    }
}
