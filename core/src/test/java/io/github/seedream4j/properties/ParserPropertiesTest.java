package io.github.seedream4j.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.seedream4j.AspectRatio;
import io.github.seedream4j.Cost;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.PriceModel;
import io.github.seedream4j.Prompt;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.Seed;
import io.github.seedream4j.SizeTier;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every parser and value factory of the domain, fed arbitrary text (random Unicode, and text made of the characters
 * the formats use, so that near-misses are frequent): it returns a value or throws {@link InvalidRequestException}
 * whose message quotes the text it was given, and nothing else ever escapes.
 */
class ParserPropertiesTest {

    /** Random Unicode, and strings over the alphabet of sizes, ratios, seeds, prices and durations. */
    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.strings().withChars("0123456789xX*:/.,-+ eE\u00d7kKimagepxlusdEURmeg").ofMaxLength(16),
                Arbitraries.strings().numeric().ofMaxLength(25),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.integers().between(-5, 20000).tuple2()
                        .map(t -> t.get1() + Arbitraries.of("x", "*", ":", "X", "\u00d7", "/").sample() + t.get2()));
    }

    @Property
    void resolutionParse_returnsOrRefusesNamingTheText(@ForAll("text") String text) {
        checkParser(text, Resolution::parse);
    }

    @Property
    void aspectRatioParse_returnsOrRefusesNamingTheText(@ForAll("text") String text) {
        checkParser(text, AspectRatio::parse);
    }

    @Property
    void sizeTierParse_returnsOrRefusesNamingTheText(@ForAll("text") String text) {
        checkParser(text, SizeTier::parse);
    }

    @Property
    void imageSizeParse_returnsOrRefusesNamingTheText(@ForAll("text") String text) {
        checkParser(text, ImageSize::parse);
    }

    @Property
    void seedParse_returnsOrRefusesNamingTheText(@ForAll("text") String text) {
        checkParser(text, Seed::parse);
    }

    @Property
    void costUsd_returnsOrRefusesNamingTheText(@ForAll("text") String text) {
        checkParser(text, Cost::usd);
    }

    @Property
    void costParse_returnsOrRefusesNamingTheText(@ForAll("text") String text) {
        checkParser(text, t -> Cost.parse(t, Cost.USD));
    }

    @Property
    void priceModelParse_returnsOrRefusesNamingTheText(@ForAll("text") String text) {
        checkParser(text, PriceModel::parse);
    }

    @Property
    void promptOf_returnsOrRefuses(@ForAll String text) {
        Throwable e = catchThrowable(() -> Prompt.of(text));
        if (e != null) {
            assertThat(e).isInstanceOf(InvalidRequestException.class);
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property
    void resolutionOf_returnsOrRefusesNamingTheNumbers(@ForAll int width, @ForAll int height) {
        Throwable e = catchThrowable(() -> Resolution.of(width, height));
        if (e == null) {
            assertThat(Resolution.parse(width + "x" + height)).isEqualTo(Resolution.of(width, height));
        } else {
            assertThat(e).isInstanceOf(InvalidRequestException.class);
            assertThat(e.getMessage()).containsAnyOf(String.valueOf(width), String.valueOf(height));
        }
    }

    @Property
    void aspectRatioOf_returnsOrRefusesNamingTheNumbers(@ForAll int width, @ForAll int height) {
        Throwable e = catchThrowable(() -> AspectRatio.of(width, height));
        if (e == null) {
            AspectRatio r = AspectRatio.of(width, height);
            assertThat(AspectRatio.parse(r.toString())).isEqualTo(r);
        } else {
            assertThat(e).isInstanceOf(InvalidRequestException.class);
            assertThat(e.getMessage()).containsAnyOf(String.valueOf(width), String.valueOf(height));
        }
    }

    @Property
    void seedOf_returnsOrRefusesNamingTheNumber(@ForAll long value) {
        Throwable e = catchThrowable(() -> Seed.of(value));
        if (e == null) {
            assertThat(Seed.parse(Seed.of(value).toString())).isEqualTo(Seed.of(value));
        } else {
            assertThat(e).isInstanceOf(InvalidRequestException.class).hasMessageContaining(String.valueOf(value));
        }
    }

    /** {@code parse} either gives a value or refuses with {@link InvalidRequestException} quoting the text. */
    static <T> void checkParser(String text, Function<String, T> parse) {
        Throwable e = catchThrowable(() -> parse.apply(text));
        if (e == null) {
            return;
        }
        assertThat(e).isInstanceOf(InvalidRequestException.class);
        assertThat(e.getMessage()).contains(text.strip());
    }
}
