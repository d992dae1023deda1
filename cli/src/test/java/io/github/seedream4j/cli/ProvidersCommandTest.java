package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.ProviderCatalog;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ImageTransport;
import io.github.seedream4j.spi.ModelOffer;
import io.github.seedream4j.spi.SettingKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProvidersCommandTest {

    private static final String CANARY = "canary-7f3a9c-secret";

    @Test
    void providers_listsFakeAndRunpodWithCapabilitiesAndSettings() {
        CliRun r = CliRun.of("providers");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("fake - Offline, deterministic PNG images")
                .contains("runpod - Seedream 4.0 on Runpod's public endpoint")
                .contains("  pricing:          0.027 USD per megapixel")
                .contains("  prompt enhance:   no");
        String runpod = section(r.out(), "runpod");
        assertThat(cells(row(runpod, "api-key"))).containsExactly("api-key", "required", "NOT SET (required)", "-");
        assertThat(cells(row(runpod, "base-url"))).containsExactly("base-url", "optional", "-",
                "https://api.runpod.ai/v2");
        assertThat(cells(row(runpod, "endpoint"))).containsExactly("endpoint", "optional", "-", "seedream-v4-t2i");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void providers_showsEveryDefaultValueButNoSecretsDefault() {
        CliRun r = CliRun.of("providers");

        for (ImageProviderFactory f : ProviderCatalog.discover().factories()) {
            String section = section(r.out(), f.id());
            for (SettingKey k : f.settings()) {
                String row = row(section, k.name());
                String expected = k.defaultValue() == null ? "-" : k.secret() ? "(secret)" : k.defaultValue();
                assertThat(row).as(f.id() + " " + k.name()).endsWith("  " + expected);
            }
        }
    }

    /** Rule: in every provider's table the columns start at the same place on every row, whatever the name length. */
    @Test
    void providers_settingsColumnsAlignForEveryNameLength() {
        CliRun r = CliRun.of("providers", "--set", "latency=5ms");

        List<List<String>> tables = tables(r.out());
        assertThat(tables).hasSize(ProviderCatalog.discover().factories().size());
        for (List<String> table : tables) {
            String header = table.get(0);
            for (String column : List.of("NEED", "SET FROM", "DEFAULT")) {
                int at = header.indexOf(column);
                for (String row : table.subList(1, table.size())) {
                    assertThat(row.charAt(at - 1)).as(row).isEqualTo(' ');
                    assertThat(row.charAt(at - 2)).as(row).isEqualTo(' ');
                    assertThat(row.charAt(at)).as(row).isNotEqualTo(' ');
                }
            }
        }
        assertThat(cells(row(section(r.out(), "fake"), "latency"))).containsExactly("latency", "optional", "--set",
                "0ms");
    }

    @Test
    void providers_showsWhereASecretIsSetButNeverItsValue() {
        String property = "seedream.runpod.api-key";
        String before = System.getProperty(property);
        System.setProperty(property, CANARY);
        try {
            CliRun fromProperty = CliRun.of("providers");
            assertThat(cells(row(section(fromProperty.out(), "runpod"), "api-key"))).containsExactly("api-key",
                    "required", "system property seedream.runpod.api-key", "-");
            assertThat(fromProperty.out()).doesNotContain(CANARY);
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
        assertThat(cells(row(section(explicit.out(), "runpod"), "api-key"))).startsWith("api-key", "required",
                "--set");
        assertThat(explicit.out()).doesNotContain(CANARY);
        assertThat(explicit.err()).doesNotContain(CANARY);
        // a provider that refuses the value is named with the setting, never with the value
        assertThat(section(explicit.out(), "modelark")).contains("  (setting base-url is malformed, so the defaults "
                + "are shown; seedream estimate with this provider says what is wrong)");
    }

    @Test
    void providersJson_hasSchemaDefaultsAndSourcesButNoValue() throws Exception {
        CliRun r = CliRun.of("providers", "--json", "--set", "api-key=" + CANARY);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain(CANARY);
        JsonNode json = Jsons.MAPPER.readTree(r.out());
        assertThat(json.get("schema").asInt()).isEqualTo(1);
        JsonNode runpod = null;
        for (JsonNode p : json.get("providers")) {
            if (p.get("id").asString().equals("runpod")) {
                runpod = p;
            }
        }
        assertThat(runpod).isNotNull();
        assertThat(runpod.get("capabilities").get("pricing").asString()).isEqualTo("0.027 USD per megapixel");
        JsonNode key = runpod.get("settings").get(0);
        assertThat(key.get("name").asString()).isEqualTo("api-key");
        assertThat(key.get("secret").asBoolean()).isTrue();
        assertThat(key.get("set").asBoolean()).isTrue();
        assertThat(key.get("source").asString()).isEqualTo("--set");
        assertThat(key.get("defaultValue").isNull()).isTrue();
        assertThat(runpod.get("settings").get(1).get("defaultValue").asString()).isEqualTo("https://api.runpod.ai/v2");
        assertThat(runpod.get("settings").get(1).get("source").isNull()).isTrue();
    }

    /** Each model a provider serves: its version, its id there, how it takes images and how many, its sets. */
    @Test
    void providers_listsEveryModelOfEveryProvider() {
        CliRun r = CliRun.of("providers");

        assertThat(r.code()).as(r.err()).isZero();
        String fake = section(r.out(), "fake");
        assertThat(fake).contains("  models (default 4.0):\n");
        assertThat(cells(row(fake, "VERSION"))).containsExactly("VERSION", "PROVIDER ID", "IMAGE INPUTS", "SETS");
        assertThat(cells(row(fake, "4.0"))).containsExactly("4.0", "fake-seedream-4.0", "url, data-uri, up to 10",
                "up to 15");
        assertThat(cells(row(fake, "4.5"))).containsExactly("4.5", "fake-seedream-4.5", "url, data-uri, up to 14",
                "up to 15");
        assertThat(cells(row(fake, "5.0-lite"))).containsExactly("5.0-lite", "fake-seedream-5.0-lite",
                "url, data-uri, up to 14", "up to 15");
        // a provider whose API takes less than the model says so
        assertThat(cells(row(section(r.out(), "fal"), "4.5"))).containsExactly("4.5", "fal-ai/bytedance/seedream/v4.5",
                "url, up to 10", "up to 6");
        for (ImageProviderFactory f : ProviderCatalog.discover().factories()) {
            String section = section(r.out(), f.id());
            for (ModelOffer m : f.capabilities().models()) {
                assertThat(cells(row(section, m.model().label()))).as(f.id()).containsExactly(m.model().label(),
                        m.providerModelId() == null ? "-" : m.providerModelId(), m.takesImages()
                                ? String.join(", ", m.imageInputs().stream().map(t -> t == ImageTransport.URL ? "url"
                                        : "data-uri").toList()) + ", up to " + m.maxReferenceImages() : "none",
                        m.sequential() ? "up to " + m.maxSetImages() : "no");
            }
        }
    }

    @Test
    void providersJson_listsEveryModelWithItsIdInputsAndSets() throws Exception {
        CliRun r = CliRun.of("providers", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Jsons.MAPPER.readTree(r.out());
        for (JsonNode p : json.get("providers")) {
            JsonNode c = p.get("capabilities");
            List<String> names = new ArrayList<>(c.propertyNames());
            assertThat(names.subList(names.size() - 2, names.size())).containsExactly("models", "defaultModel");
            ImageProviderFactory f = ProviderCatalog.discover().find(p.get("id").asString()).orElseThrow();
            assertThat(c.get("defaultModel").asString()).isEqualTo(f.capabilities().defaultModel().model().label());
            assertThat(c.get("models")).hasSize(f.capabilities().models().size());
        }
        JsonNode fake = json.get("providers").get(0);
        assertThat(fake.get("id").asString()).isEqualTo("fake");
        JsonNode v45 = fake.get("capabilities").get("models").get(1);
        assertThat(v45.propertyNames()).containsExactly("model", "providerModelId", "imageInputs", "sequential",
                "maxReferenceImages", "maxSetImages");
        assertThat(v45.get("model").asString()).isEqualTo("4.5");
        assertThat(v45.get("providerModelId").asString()).isEqualTo("fake-seedream-4.5");
        assertThat(v45.get("imageInputs").valueStream().map(JsonNode::asString).toList())
                .containsExactly("url", "data-uri");
        assertThat(v45.get("sequential").asBoolean()).isTrue();
        assertThat(v45.get("maxReferenceImages").asInt()).isEqualTo(14);
        assertThat(v45.get("maxSetImages").asInt()).isEqualTo(15);
    }

    /** The cells of a table row: separated by two spaces or more. */
    private static List<String> cells(String row) {
        return List.of(row.strip().split(" {2,}"));
    }

    private static String row(String out, String name) {
        return out.lines().filter(l -> l.startsWith("    " + name + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name + " in\n" + out));
    }

    /** The lines about one provider. */
    private static String section(String out, String id) {
        StringBuilder s = new StringBuilder();
        boolean in = false;
        for (String line : out.lines().toList()) {
            if (!line.startsWith(" ")) {
                in = line.startsWith(id + " - ");
            }
            if (in) {
                s.append(line).append('\n');
            }
        }
        return s.toString();
    }

    private static List<List<String>> tables(String out) {
        List<List<String>> tables = new ArrayList<>();
        List<String> current = null;
        for (String line : out.lines().toList()) {
            if (line.startsWith("    NAME ")) {
                current = new ArrayList<>();
                tables.add(current);
                current.add(line);
            } else if (current != null && line.startsWith("    ") && !line.contains(": ")) {
                current.add(line);
            } else {
                current = null;
            }
        }
        return tables;
    }
}
