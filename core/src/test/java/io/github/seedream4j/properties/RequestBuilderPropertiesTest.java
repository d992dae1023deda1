package io.github.seedream4j.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.seedream4j.AspectRatio;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.SizeTier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link GenerationRequest.Builder} with arbitrary options: building gives a request that kept exactly what was set,
 * or fails with {@link InvalidRequestException} naming the offending value; nothing else escapes.
 */
class RequestBuilderPropertiesTest {

    @Provide
    Arbitrary<Object> extraValue() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(10).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(new Object()), Arbitraries.just(null));
    }

    @Property
    void build_keepsOptionsOrRefusesNamingTheValue(@ForAll String prompt, @ForAll String negative,
            @ForAll int width, @ForAll int height, @ForAll long seed, @ForAll int count, @ForAll Boolean safety,
            @ForAll Boolean enhance, @ForAll String extraName, @ForAll("extraValue") Object extraValue) {
        Throwable e = catchThrowable(() -> {
            GenerationRequest r = GenerationRequest.builder(prompt).negativePrompt(negative).size(width, height)
                    .seed(seed).count(count).safetyChecker(safety).enhancePrompt(enhance).extra(extraName, extraValue)
                    .build();
            assertThat(r.count()).isEqualTo(count);
            assertThat(r.seed()).map(s -> s.value()).contains(seed);
            assertThat(r.safetyChecker()).isEqualTo(java.util.Optional.ofNullable(safety));
        });
        if (e instanceof AssertionError) {
            throw (AssertionError) e;
        }
        if (e != null) {
            assertThat(e).isInstanceOf(InvalidRequestException.class);
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property
    void count_outOfRangeIsRefusedNamingIt(@ForAll int count) {
        Throwable e = catchThrowable(() -> GenerationRequest.builder("a cat").count(count).build());
        if (count >= 1 && count <= GenerationRequest.MAX_COUNT) {
            assertThat(e).isNull();
        } else {
            assertThat(e).isInstanceOf(InvalidRequestException.class).hasMessageContaining(String.valueOf(count));
        }
    }

    @Property
    void size_pixelsOrRefusalNamingThem(@ForAll int width, @ForAll int height) {
        Throwable e = catchThrowable(() -> GenerationRequest.builder("a cat").size(width, height).build());
        if (e != null) {
            assertThat(e).isInstanceOf(InvalidRequestException.class);
            assertThat(e.getMessage()).containsAnyOf(String.valueOf(width), String.valueOf(height));
        }
    }

    @Property
    void seed_valueOrRefusalNamingIt(@ForAll long seed) {
        Throwable e = catchThrowable(() -> GenerationRequest.builder("a cat").seed(seed).build());
        if (e != null) {
            assertThat(e).isInstanceOf(InvalidRequestException.class).hasMessageContaining(String.valueOf(seed));
        }
    }

    @Property
    void tieredSize_anyTierAndRatio(@ForAll SizeTier tier, @ForAll int w, @ForAll int h) {
        Throwable invalid = catchThrowable(() -> AspectRatio.of(w, h));
        if (invalid != null) {
            assertThat(invalid).isInstanceOf(InvalidRequestException.class);
            assertThat(invalid.getMessage()).containsAnyOf(String.valueOf(w), String.valueOf(h));
            return;
        }
        AspectRatio ratio = AspectRatio.of(w, h); // reduced: 10:18 is 5:9
        Throwable e = catchThrowable(() -> GenerationRequest.builder("a cat").size(tier, ratio).build());
        if (e != null) {
            assertThat(e).isInstanceOf(InvalidRequestException.class).hasMessageContaining(ratio.toString());
        }
    }
}
