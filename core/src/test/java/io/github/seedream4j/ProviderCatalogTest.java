package io.github.seedream4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderCatalogTest {

    @TempDir
    Path dir;

    private static final String PIXELS = TestProviders.Pixels.class.getName();
    private static final String TIERS = TestProviders.Tiers.class.getName();

    @Test
    void select_noProviderNamesTheArtifactsToAdd() {
        ProviderCatalog catalog = ProviderCatalog.discover(TestProviders.classPath(dir));

        assertThatThrownBy(() -> catalog.select(null, k -> null, k -> null))
                .isInstanceOf(ProviderSelectionException.class)
                .hasMessage("no seedream4j provider is on the class path; add one of "
                        + "io.github.seedream4j:seedream4j-provider-cloudflare, io.github.seedream4j:seedream4j-provider-fake, "
                        + "io.github.seedream4j:seedream4j-provider-fal, io.github.seedream4j:seedream4j-provider-modelark, "
                        + "io.github.seedream4j:seedream4j-provider-replicate, io.github.seedream4j:seedream4j-provider-runpod "
                        + "(seedream4j-provider-fake works offline)");
    }

    @Test
    void select_theOnlyProviderIsUsed() {
        ProviderCatalog catalog = ProviderCatalog.discover(TestProviders.classPath(dir, PIXELS));

        assertThat(catalog.select(null, k -> null, k -> null).id()).isEqualTo("pixels");
    }

    @Test
    void select_severalWithoutAChoiceListsThemAndSaysHowToChoose() {
        ProviderCatalog catalog = ProviderCatalog.discover(TestProviders.classPath(dir, PIXELS, TIERS));

        assertThatThrownBy(() -> catalog.select(null, k -> null, k -> null))
                .isInstanceOf(ProviderSelectionException.class)
                .hasMessage("several providers are on the class path (pixels, tiers) and none was chosen; choose one with "
                        + "SeedreamClient.builder().provider(\"pixels\"), the system property seedream.provider or the "
                        + "environment variable SEEDREAM_PROVIDER");
    }

    @Test
    void select_explicitThenPropertyThenEnvironment() {
        ProviderCatalog catalog = ProviderCatalog.discover(TestProviders.classPath(dir, PIXELS, TIERS));
        Map<String, String> props = Map.of("seedream.provider", "tiers");
        Map<String, String> env = Map.of("SEEDREAM_PROVIDER", "pixels");

        assertThat(catalog.select("pixels", props::get, env::get).id()).isEqualTo("pixels");
        assertThat(catalog.select(null, props::get, env::get).id()).isEqualTo("tiers");
        assertThat(catalog.select(null, k -> null, env::get).id()).isEqualTo("pixels");
    }

    @Test
    void select_unknownIdNamesTheArtifactToAdd() {
        ProviderCatalog catalog = ProviderCatalog.discover(TestProviders.classPath(dir, PIXELS));

        assertThatThrownBy(() -> catalog.select(null, k -> null, Map.of("SEEDREAM_PROVIDER", "runpod")::get))
                .isInstanceOf(ProviderSelectionException.class)
                .hasMessage("provider 'runpod' (named by environment variable SEEDREAM_PROVIDER) is not on the class path; "
                        + "add io.github.seedream4j:seedream4j-provider-runpod to the class path. Found: pixels");
        assertThatThrownBy(() -> catalog.select("acme", k -> null, k -> null))
                .hasMessage("provider 'acme' (named by the client builder) is not on the class path; add the jar that "
                        + "provides 'acme' to the class path, or check the spelling. Found: pixels");
    }

    @Test
    void discover_aBrokenProviderIsReportedAndTheOthersStillWork() {
        ProviderCatalog catalog = ProviderCatalog.discover(TestProviders.classPath(dir,
                TestProviders.Broken.class.getName(), "com.example.Missing", PIXELS));

        assertThat(catalog.ids()).containsExactly("pixels");
        assertThat(catalog.problems()).hasSize(2);
        assertThat(catalog.problems().get(0)).contains("Broken").contains("broken on purpose");
        assertThat(catalog.problems().get(1)).contains("com.example.Missing not found");
        assertThat(catalog.select(null, k -> null, k -> null).id()).isEqualTo("pixels");
    }
}
