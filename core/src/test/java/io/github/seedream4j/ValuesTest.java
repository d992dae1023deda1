package io.github.seedream4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValuesTest {

    @ParameterizedTest
    @CsvSource({"2048x2048,2048,2048", "2048*2048,2048,2048", "1312X736,1312,736", " 3024 x 1296 ,3024,1296",
            "2048\u00d71152,2048,1152"})
    void resolutionParse_acceptsEveryForm(String text, int w, int h) {
        assertThat(Resolution.parse(text)).isEqualTo(Resolution.of(w, h));
    }

    @Test
    void resolutionParse_refusesGarbageWithAMessageNamingIt() {
        assertThatThrownBy(() -> Resolution.parse("2048by2048")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("resolution '2048by2048' is not of the form WIDTHxHEIGHT; use for example 2048x2048 or 2048*2048");
        assertThatThrownBy(() -> Resolution.parse("0x5")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("resolution 0x5 is invalid: each side must be a whole number of pixels from 1 to 65536, "
                        + "for example 2048x2048");
    }

    @Test
    void resolution_megapixelsAndRatioAreExact() {
        assertThat(Resolution.of(2048, 2048).megapixels()).isEqualByComparingTo("4.194304");
        assertThat(Resolution.of(2560, 1440).aspectRatio()).isEqualTo(AspectRatio.RATIO_16_9);
        assertThat(Resolution.of(1312, 736).aspectRatio()).isEqualTo(new AspectRatio(41, 23));
        assertThat(Resolution.of(2048, 1152)).hasToString("2048x1152");
    }

    @Test
    void resolutionAndAspectRatio_areEqualByTheirSidesOnly() {
        assertThat(Resolution.of(2048, 1152)).isEqualTo(Resolution.parse("2048x1152"))
                .hasSameHashCodeAs(Resolution.parse("2048x1152")).isNotEqualTo(Resolution.of(1152, 2048))
                .isNotEqualTo(AspectRatio.of(2048, 1152)).isNotEqualTo(null);
        assertThat(AspectRatio.of(32, 18)).isEqualTo(AspectRatio.RATIO_16_9).hasSameHashCodeAs(AspectRatio.RATIO_16_9)
                .isNotEqualTo(AspectRatio.RATIO_9_16).isNotEqualTo(Resolution.of(16, 9));
        assertThat(List.of(Resolution.of(1, 2), Resolution.of(2, 1)).stream().map(Resolution::hashCode).distinct())
                .hasSize(2);
    }

    @Test
    void aspectRatio_isReducedAndPrintsSeedreamNames() {
        assertThat(AspectRatio.parse("32:18")).isEqualTo(AspectRatio.RATIO_16_9);
        assertThat(AspectRatio.parse("21:9")).isEqualTo(AspectRatio.RATIO_21_9).hasToString("21:9");
        assertThat(AspectRatio.parse("7:3")).hasToString("21:9");
        assertThat(AspectRatio.of(Resolution.of(3024, 1296))).isEqualTo(AspectRatio.RATIO_21_9);
        assertThat(AspectRatio.SEEDREAM_RATIOS).hasSize(8).allMatch(AspectRatio::isSeedreamRatio);
    }

    @Test
    void aspectRatio_refusesNonReducedConstructionAndBadText() {
        assertThatThrownBy(() -> new AspectRatio(4, 2)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("aspect ratio 4:2 is not reduced: use AspectRatio.of(4, 2), which reduces it");
        assertThatThrownBy(() -> AspectRatio.parse("16-9")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("aspect ratio '16-9' is not of the form W:H; use for example 16:9, or one of "
                        + "[1:1, 4:3, 3:4, 16:9, 9:16, 3:2, 2:3, 21:9]");
        assertThatThrownBy(() -> AspectRatio.parse("0:9")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void sizeTable_matchesThePublishedTwoKTable() {
        assertThat(List.of(SizeTable.resolve(SizeTier.TWO_K, AspectRatio.RATIO_1_1),
                SizeTable.resolve(SizeTier.TWO_K, AspectRatio.RATIO_4_3),
                SizeTable.resolve(SizeTier.TWO_K, AspectRatio.RATIO_3_4),
                SizeTable.resolve(SizeTier.TWO_K, AspectRatio.RATIO_16_9),
                SizeTable.resolve(SizeTier.TWO_K, AspectRatio.RATIO_9_16),
                SizeTable.resolve(SizeTier.TWO_K, AspectRatio.RATIO_3_2),
                SizeTable.resolve(SizeTier.TWO_K, AspectRatio.RATIO_2_3),
                SizeTable.resolve(SizeTier.TWO_K, AspectRatio.RATIO_21_9)))
                .containsExactly(Resolution.of(2048, 2048), Resolution.of(2304, 1728), Resolution.of(1728, 2304),
                        Resolution.of(2560, 1440), Resolution.of(1440, 2560), Resolution.of(2496, 1664),
                        Resolution.of(1664, 2496), Resolution.of(3024, 1296));
        assertThat(SizeTable.resolve(SizeTier.ONE_K, AspectRatio.RATIO_16_9)).isEqualTo(Resolution.of(1312, 736));
        assertThat(SizeTable.resolve(SizeTier.FOUR_K, AspectRatio.RATIO_1_1)).isEqualTo(Resolution.of(4096, 4096));
    }

    @Test
    void sizeTable_everyEntryIsWithinItsModelsLimitsAndFourZeroKeepsItsRatios() {
        for (SeedreamModel model : SeedreamModel.values()) {
            for (SizeTier tier : model.tiers()) {
                for (AspectRatio ratio : AspectRatio.SEEDREAM_RATIOS) {
                    Resolution r = model.resolve(tier, ratio);
                    model.check(r);
                    assertThat(r.width() % 16).as("%s %s %s", model, tier, ratio).isZero();
                    assertThat(r.height() % 16).as("%s %s %s", model, tier, ratio).isZero();
                    if (model == SeedreamModel.V4_0 && tier != SizeTier.ONE_K) {
                        assertThat(r.aspectRatio()).as("%s %s", tier, ratio).isEqualTo(ratio);
                    }
                    if (model == SeedreamModel.V4_0 && tier == SizeTier.FOUR_K) {
                        assertThat(Math.max(r.width(), r.height())).isLessThanOrEqualTo(4096);
                    }
                    assertThat(SizeTable.lookup(model, r)).contains(new ImageSize.Tiered(tier, ratio));
                }
            }
        }
        // 4.5's own published sizes differ from 4.0's where the notes say so
        assertThat(SeedreamModel.V4_5.resolve(SizeTier.TWO_K, AspectRatio.RATIO_16_9)).isEqualTo(Resolution.of(2848, 1600));
        assertThat(SeedreamModel.V4_5.resolve(SizeTier.FOUR_K, AspectRatio.RATIO_21_9)).isEqualTo(Resolution.of(6240, 2656));
        assertThatThrownBy(() -> SeedreamModel.V4_5.resolve(SizeTier.ONE_K, AspectRatio.RATIO_1_1))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Seedream 4.5 has no 1K tier: use one of [2K, 4K], or exact pixels");
    }


    @Test
    void sizeTable_refusesARatioWithoutAnEntry() {
        assertThatThrownBy(() -> ImageSize.tiered(SizeTier.TWO_K, AspectRatio.of(5, 4)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("aspect ratio 5:4 has no 2K size: use one of [1:1, 4:3, 3:4, 16:9, 9:16, 3:2, 2:3, 21:9], "
                        + "or ask for exact pixels such as 2048x1152");
    }

    @Test
    void modelLimits_refuseTooFewTooManyAndTooWide() {
        assertThatThrownBy(() -> ModelLimits.check(Resolution.of(512, 512))).isInstanceOf(InvalidRequestException.class)
                .hasMessage("size 512x512 has 262144 pixels; Seedream 4.0 needs at least 921600 (1280x720). Ask for a "
                        + "larger size, for example 1024x1024 or tier 1K");
        assertThatThrownBy(() -> ModelLimits.check(Resolution.of(5000, 4000))).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("size 5000x4000 has 20000000 pixels; Seedream 4.0 allows at most 16777216");
        assertThatThrownBy(() -> ModelLimits.check(Resolution.of(8000, 400)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("between 1/16 and 16");
        ModelLimits.check(Resolution.of(1280, 720));
        ModelLimits.check(Resolution.of(4096, 4096));
    }

    @Test
    void imageSizeParse_tierOrPixels() {
        assertThat(ImageSize.parse("2k")).isEqualTo(ImageSize.tiered(SizeTier.TWO_K, AspectRatio.RATIO_1_1));
        assertThat(ImageSize.parse("2048*1152")).isEqualTo(ImageSize.exact(2048, 1152));
        assertThatThrownBy(() -> SizeTier.parse("8K")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("size tier '8K' is unknown: use 1K, 2K, 3K or 4K, or exact pixels such as 2048x2048");
    }

    @Test
    void seed_rangeAndParse() {
        assertThat(Seed.parse("7")).isEqualTo(Seed.of(7));
        assertThat(Seed.of(Seed.MAX).plus(1)).isEqualTo(Seed.of(0));
        assertThat(Seed.random().value()).isBetween(0L, Seed.MAX);
        assertThatThrownBy(() -> Seed.parse("-1")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("seed -1 is out of range: use a whole number from 0 to 2147483647, or leave the seed out "
                        + "and the client picks one and reports it");
        assertThatThrownBy(() -> Seed.parse("seven")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("seed 'seven' is not a whole number: use 0 to 2147483647");
    }

    @Test
    void prompt_refusesBlankAndTooLong() {
        assertThatThrownBy(() -> Prompt.of("  ")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("prompt must not be blank: describe the image to generate");
        assertThatThrownBy(() -> Prompt.of("x".repeat(10_001))).isInstanceOf(InvalidRequestException.class)
                .hasMessage("prompt is 10001 characters long; the limit is 10000. Shorten it (Seedream works best "
                        + "under about 600 words)");
        assertThat(Prompt.of("x".repeat(10_000)).text()).hasSize(10_000);
    }

    @Test
    void cost_isExactMoney() {
        assertThat(Cost.usd("0.1").plus(Cost.usd("0.2"))).isEqualTo(Cost.usd("0.3"));
        assertThat(Cost.usd("0.113246")).hasToString("0.113246 USD");
        assertThat(Cost.usd("1.50")).isEqualTo(Cost.usd("1.5"));
        assertThatThrownBy(() -> Cost.usd("-1")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("cost -1 USD is negative: a cost must be zero or more");
        assertThatThrownBy(() -> Cost.usd("1").plus(Cost.parse("1", java.util.Currency.getInstance("EUR"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("cannot combine 1 USD with 1 EUR: the currencies differ; convert one first");
    }

    @Test
    void costSum_isExactAndRefusesMixedCurrencies() {
        assertThat(Cost.sum(List.of(Cost.usd("0.113246"), Cost.usd("0.028311"), Cost.usd("0.03"))))
                .isEqualTo(Cost.usd("0.171557"));
        assertThatThrownBy(() -> Cost.sum(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cost.sum(List.of(Cost.usd("1"), Cost.parse("1", java.util.Currency.getInstance("EUR")))))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void priceModel_reproducesRunpodsDocumentedCosts() {
        PriceModel runpod = PriceModel.parse("0.027/megapixel");
        assertThat(runpod.estimate(Resolution.of(2048, 2048), 1).amount()).isEqualByComparingTo("0.113246208");
        assertThat(runpod.estimate(Resolution.of(1024, 1024), 1).amount()).isEqualByComparingTo("0.028311552");
        assertThat(PriceModel.parse("0.03/image").estimate(Resolution.of(4096, 4096), 3))
                .isEqualTo(Cost.usd(new BigDecimal("0.09")));
        assertThatThrownBy(() -> PriceModel.parse("3 cents")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("price '3 cents' is not of the form AMOUNT/image or AMOUNT/megapixel; use for example "
                        + "0.03/image or 0.027/megapixel");
    }

    @Test
    void charge_sumIsReportedOnlyWhenEveryPartIs() {
        assertThat(Charge.sum(List.of(Charge.reported(Cost.usd("0.1")), Charge.reported(Cost.usd("0.2")))))
                .isEqualTo(Charge.reported(Cost.usd("0.3")));
        assertThat(Charge.sum(List.of(Charge.reported(Cost.usd("0.1")), Charge.estimated(Cost.usd("0.2")))))
                .isEqualTo(Charge.estimated(Cost.usd("0.3")));
    }

    @Test
    void request_countAndExtrasAreValidated() {
        assertThatThrownBy(() -> GenerationRequest.of("x").withCount(17)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("image count 17 is out of range: ask for 1 to 16 images per request, and use a batch for more");
        assertThatThrownBy(() -> GenerationRequest.builder("x").extra("style", List.of()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("extra option 'style' has a value of type ListN; use a string, a number or a boolean");
        GenerationRequest r = GenerationRequest.of("x");
        assertThat(r.size()).isEqualTo(GenerationRequest.DEFAULT_SIZE);
        assertThat(r.withSeed(Seed.of(1)).withSeed(null)).isEqualTo(r);
    }
}
