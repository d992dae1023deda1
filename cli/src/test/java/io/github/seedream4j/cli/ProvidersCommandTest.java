package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.ProviderCatalog;
import io.github.seedream4j.spi.ImageProviderFactory;
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
        assertThat(r.out().lines()).contains(
                "    api-key       required  NOT SET (required)  -",
                "    base-url      optional  -                   https://api.runpod.ai/v2",
                "    max-attempts  optional  -                   4",
                "    timeout       optional  -                   180s");
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
        assertThat(r.out()).contains("    latency       optional  --set               0ms");
    }

    @Test
    void providers_showsWhereASecretIsSetButNeverItsValue() {
        String property = "seedream.runpod.api-key";
        String before = System.getProperty(property);
        System.setProperty(property, CANARY);
        try {
            CliRun fromProperty = CliRun.of("providers");
            assertThat(row(fromProperty.out(), "api-key"))
                    .isEqualTo("    api-key       required  system property seedream.runpod.api-key  -");
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
        assertThat(row(explicit.out(), "api-key")).startsWith("    api-key       required  --set ");
        assertThat(explicit.out()).doesNotContain(CANARY);
        assertThat(explicit.err()).doesNotContain(CANARY);
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
