package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code seedream estimate} prices without creating the provider: no credentials, nothing sent. */
class EstimateCommandTest {

    @TempDir
    Path dir;

    @Test
    void estimate_runpodWithoutAnApiKey() {
        CliRun r = CliRun.of("estimate", "x", "--provider", "runpod", "--size", "2048x2048");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().strip()).isEqualTo("estimate: 0.113246208 USD for 1 image(s) of 2048x2048 on provider runpod "
                + "(priced at 0.027 USD per megapixel; nothing was sent)");
    }

    @Test
    void estimate_cloudflareWithoutAnySetting() {
        CliRun r = CliRun.of("estimate", "a red fox", "--provider", "cloudflare", "--size", "2K");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().strip()).isEqualTo("estimate: 0.03 USD for 1 image(s) of 2048x2048 on provider cloudflare "
                + "(priced at 0.03 USD per image; nothing was sent)");
    }

    @Test
    void estimate_cloudflareHonoursAConfiguredPrice() {
        CliRun r = CliRun.of("estimate", "a red fox", "--provider", "cloudflare", "--size", "2K", "-n", "2",
                "--set", "price=0.05/image");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("estimate: 0.1 USD for 2 image(s) of 2048x2048 on provider cloudflare "
                + "(priced at 0.05 USD per image; nothing was sent)");
    }

    @Test
    void estimate_malformedPriceExits2() {
        CliRun r = CliRun.of("estimate", "a red fox", "--provider", "cloudflare", "--size", "2K",
                "--set", "price=cheap");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("seedream: provider cloudflare setting 'price' from explicit setting "
                + "'price' is 'cheap'; expected a price such as 0.03/image or 0.027/megapixel");
    }

    @Test
    void estimate_unknownSettingIsAUsageError() {
        CliRun r = CliRun.of("estimate", "x", "--provider", "cloudflare", "--set", "api-key=x");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("seedream: provider cloudflare has no setting 'api-key'; its settings "
                + "are api-token, account-id, base-url, gateway-id, model, timeout, max-attempts, price, "
                + "allow-insecure-http (see: seedream providers)");
    }

    @Test
    void estimate_strictRefusesWhatTheProviderCannotHonour() {
        CliRun r = CliRun.of("estimate", "x", "--provider", "cloudflare", "--size", "2K", "--seed", "7", "--strict");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("seedream: --strict: provider cloudflare cannot honour this request: "
                + "seed 7 was not sent: provider cloudflare takes no seed, so its images cannot be reproduced. Remove the "
                + "option, choose a provider that supports it, or drop --strict to send the request without it");
    }

    @Test
    void estimate_batchPricesEveryLineAndNamesBadOnes() throws Exception {
        Path file = dir.resolve("p.jsonl");
        Files.write(file, List.of("{\"prompt\": \"a\", \"size\": \"1K\", \"n\": 2}", "{\"prompt\": \"b\", \"seed\": -1}"));

        CliRun r = CliRun.of("estimate", "--batch", file.toString(), "--provider", "fake", "--set", "price=0.03/image");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("line 1: 0.06 USD (2 x 1024x1024)")
                .contains("estimate: 0.06 USD for 1 line(s) on provider fake; 1 line(s) invalid (nothing was sent)");
        assertThat(r.errLines()).containsExactly("seedream: " + file + " line 2: seed -1 is out of range: use a whole "
                + "number from 0 to 2147483647, or leave the seed out and the client picks one and reports it");
    }

    @Test
    void estimate_batchOnRunpodWithoutAnApiKey() throws Exception {
        Path file = dir.resolve("p.jsonl");
        Files.write(file, List.of("{\"prompt\": \"a\", \"size\": \"2048x2048\"}", "{\"prompt\": \"b\", \"size\": \"1K\"}"));

        CliRun r = CliRun.of("estimate", "--batch", file.toString(), "--provider", "runpod");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).containsExactly("line 1: 0.113246208 USD (1 x 2048x2048)",
                "line 2: 0.028311552 USD (1 x 1024x1024)",
                "estimate: 0.14155776 USD for 2 line(s) on provider runpod (nothing was sent)");
    }

    /** A sequential set costs from one image (the model may make only one) to every image of the set. */
    @Test
    void estimate_setGivesTheRangeFromOneImageToTheWholeSet() {
        CliRun r = CliRun.of("estimate", "a fox's day", "--provider", "fake", "--model", "4.5", "--max-images", "4",
                "--set", "price=0.03/image");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("estimate: 0.03 USD to 0.12 USD for a sequential set of 1 to 4 image(s) "
                + "of 2048x2048 on provider fake (priced at 0.03 USD per image; nothing was sent)");
    }

    @Test
    void estimateJson_setHasMinAndMaxAndTotalIsTheMost() throws Exception {
        CliRun r = CliRun.of("estimate", "a fox's day", "--provider", "fake", "--max-images", "4", "--size", "1K",
                "--set", "price=0.03/image", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Jsons.MAPPER.readTree(r.out());
        assertThat(json.propertyNames()).containsExactly("schema", "provider", "pricing", "total", "images", "lines",
                "errors", "min", "max");
        assertThat(json.get("schema").asInt()).isEqualTo(1);
        assertThat(json.get("total").get("amount").decimalValue()).isEqualByComparingTo("0.12");
        assertThat(json.get("min").get("amount").decimalValue()).isEqualByComparingTo("0.03");
        assertThat(json.get("max").get("amount").decimalValue()).isEqualByComparingTo("0.12");
        assertThat(json.get("images").asInt()).isEqualTo(4);
        JsonNode line = json.get("lines").get(0);
        assertThat(line.propertyNames()).containsExactly("line", "images", "pixels", "cost", "min", "max");
        assertThat(line.get("min").get("amount").decimalValue()).isEqualByComparingTo("0.03");
        assertThat(line.get("max").get("amount").decimalValue()).isEqualByComparingTo("0.12");
    }

    @Test
    void estimateJson_independentImagesHaveTheSameMinAndMax() throws Exception {
        CliRun r = CliRun.of("estimate", "x", "--provider", "fake", "-n", "2", "--size", "1K", "--set",
                "price=0.03/image", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Jsons.MAPPER.readTree(r.out());
        assertThat(json.get("min").get("amount").decimalValue()).isEqualByComparingTo("0.06");
        assertThat(json.get("max").get("amount").decimalValue()).isEqualByComparingTo("0.06");
    }

    /** A provider that makes no sets with the model makes one image: priced as one, with the warning. */
    @Test
    void estimate_setOnAProviderWithoutSetsIsOneImageWithAWarning() {
        CliRun r = CliRun.of("estimate", "x", "--provider", "cloudflare", "--size", "2K", "--max-images", "4");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.errLines()).containsExactly("seedream: warning: unsupported-option: a sequential set of up to 4 "
                + "images was not sent: provider cloudflare makes no sequential sets with Seedream 4.0, so one image is "
                + "made");
        assertThat(r.out().strip()).isEqualTo("estimate: 0.03 USD for 1 image(s) of 2048x2048 on provider cloudflare "
                + "(priced at 0.03 USD per image; nothing was sent)");
    }

    @Test
    void estimate_batchWithSetsAndImagesGivesEachLineAndTheTotalRange() throws Exception {
        Files.write(dir.resolve("cat.png"), RunpodStub.png(64, 64));
        Path file = dir.resolve("p.jsonl");
        Files.write(file, List.of("{\"prompt\": \"story\", \"model\": \"4.5\", \"max_images\": 3}",
                "{\"prompt\": \"edit\", \"size\": \"1K\", \"images\": [\"cat.png\"], \"n\": 2}"));

        CliRun r = CliRun.of("estimate", "--batch", file.toString(), "--provider", "fake", "--set", "price=0.03/image");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).containsExactly("line 1: 0.03 USD to 0.09 USD (set of 1 to 3 x 2048x2048)",
                "line 2: 0.06 USD (2 x 1024x1024)",
                "estimate: 0.09 USD to 0.15 USD for 2 line(s) on provider fake (nothing was sent)");
    }
}
