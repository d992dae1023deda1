package io.github.seedream4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * This consumer has Spring Boot as its parent, so it names seedream4j's version itself. Were that left behind when
 * the build's version moves on, it would test whatever old SNAPSHOT a local repository still holds.
 */
class BuildVersionTest {

    @Test
    void importsTheVersionThisBuildMakes() throws Exception {
        Path rootPom = Path.of(System.getProperty("seedream4j.root-pom"));
        Matcher revision = Pattern.compile("<revision>([^<]+)</revision>").matcher(Files.readString(rootPom));

        assertThat(revision.find()).as("a <revision> in " + rootPom).isTrue();
        assertThat(System.getProperty("seedream4j.version"))
                .as("seedream4j.version in this consumer's pom; set it to the build's <revision>")
                .isEqualTo(revision.group(1));
    }
}
