package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code index.html}: parsed as XML (it is well-formed XHTML), so markup a prompt tried to inject would show. */
class ContactSheetTest {

    static final String HOSTILE = "<script>alert(1)</script> \" onerror=\"alert(2)\" ' & <img src=http://x/>";

    @TempDir
    Path dir;

    @Test
    void batch_writesASelfContainedEscapedContactSheet() throws Exception {
        Path file = Files.write(dir.resolve("p.jsonl"), List.of(
                "{\"id\": \"fox\", \"prompt\": " + Jsons.MAPPER.writeValueAsString(HOSTILE) + ", \"size\": \"1K\", "
                        + "\"seed\": 7}",
                "{\"prompt\": \"bad\", \"size\": \"5K\"}",
                "{\"prompt\": \"two owls\", \"size\": \"1K\", \"n\": 2}"));
        Path out = dir.resolve("out");

        CliRun r = CliRun.of("batch", file.toString(), "--out", out.toString(), "--provider", "fake", "--set",
                "ledger=" + UUID.randomUUID());

        assertThat(r.code()).isEqualTo(3);
        String html = Files.readString(out.resolve("index.html"));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(doc.getElementsByTagName("link").getLength()).isZero();
        NodeList images = doc.getElementsByTagName("img");
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < images.getLength(); i++) {
            Element img = (Element) images.item(i);
            sources.add(img.getAttribute("src"));
            assertThat(img.hasAttribute("onerror")).isFalse();
        }
        assertThat(sources).containsExactly("fox.png", "line-3-1.png", "line-3-2.png");
        assertThat(((Element) images.item(0)).getAttribute("alt")).isEqualTo(HOSTILE);
        List<String> prompts = texts(doc, "prompt");
        assertThat(prompts).containsExactly(HOSTILE, "two owls", "two owls");
        assertThat(texts(doc, "error")).singleElement().asString().startsWith("size '5K' is neither a tier");
        assertThat(html).doesNotContain("src=\"http").doesNotContain("<script").contains("&lt;script&gt;").contains("seed 7 · 1024x1024 · fake");
    }

    private static List<String> texts(Document doc, String cssClass) {
        List<String> texts = new ArrayList<>();
        NodeList all = doc.getElementsByTagName("p");
        for (int i = 0; i < all.getLength(); i++) {
            Element p = (Element) all.item(i);
            if (p.getAttribute("class").equals(cssClass)) {
                texts.add(p.getTextContent());
            }
        }
        return texts;
    }
}
