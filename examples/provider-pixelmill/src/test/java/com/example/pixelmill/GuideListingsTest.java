package com.example.pixelmill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/writing-a-provider.md lists this module's files in full, and a standalone build is made from those listings
 * alone: each listing must be the file as it is here.
 */
class GuideListingsTest {

    /** A file name in bold, maybe a sentence about it, a blank line, then the fenced listing. */
    private static final Pattern LISTING = Pattern.compile(
            "\\*\\*`(src/[^`]+)`\\*\\*[^\\n]*\\n(?:[^\\n]+\\n)*\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyListingInTheGuide_isTheExamplesFile() throws IOException {
        String guide = Files.readString(Path.of("../../docs/writing-a-provider.md"));
        Map<String, String> listings = new LinkedHashMap<>();
        Matcher m = LISTING.matcher(guide);
        while (m.find()) {
            listings.put(m.group(1), m.group(2));
        }

        assertThat(listings).containsOnlyKeys("src/main/resources/META-INF/services/"
                + "io.github.seedream4j.spi.ImageProviderFactory", "src/main/java/module-info.java",
                "src/main/java/com/example/pixelmill/PixelmillProviderFactory.java",
                "src/main/java/com/example/pixelmill/PixelmillProvider.java",
                "src/test/java/com/example/pixelmill/PixelmillStub.java",
                "src/test/java/com/example/pixelmill/PixelmillProviderCompatibilityTest.java");
        listings.forEach((file, listing) -> assertThat(listing).as("the guide's listing of %s", file)
                .isEqualTo(read(file)));
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
