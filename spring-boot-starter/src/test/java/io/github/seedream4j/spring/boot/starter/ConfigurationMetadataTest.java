package io.github.seedream4j.spring.boot.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;

/** What an IDE and Spring Boot read from the jar. */
class ConfigurationMetadataTest {

    @Test
    void metadata_describesEveryPropertyWithItsDefault() throws IOException {
        String json = resource("META-INF/spring-configuration-metadata.json").replaceAll("\\s+", " ");

        assertThat(json).contains("\"name\": \"seedream.provider\"", "\"name\": \"seedream.settings\"",
                "\"name\": \"seedream.timeout\"", "\"name\": \"seedream.unsupported-options\"",
                "\"name\": \"seedream.max-image-bytes\"", "\"defaultValue\": \"10m\"", "\"defaultValue\": \"warn\"",
                "\"name\": \"seedream.settings.keys\"", "\"value\": \"api-key\"", "\"value\": \"runpod\"");
    }

    @Test
    void autoConfiguration_isRegistered() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
                .contains(SeedreamAutoConfiguration.class.getName());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ConfigurationMetadataTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
