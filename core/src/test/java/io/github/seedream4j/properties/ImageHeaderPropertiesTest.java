package io.github.seedream4j.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.ImageFormat;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The image header parsers never throw on arbitrary bytes and arbitrary lengths: random bytes, and bytes that start
 * with a real signature (PNG, JPEG, WebP) followed by garbage, so the deeper header walks are exercised.
 */
class ImageHeaderPropertiesTest {

    static final byte[][] SIGNATURES = {
        {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'},
        {(byte) 0xff, (byte) 0xd8, (byte) 0xff},
        {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xc0},
        {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '},
        {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L'},
        {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'X'},
    };

    @Provide
    Arbitrary<byte[]> head() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        Arbitrary<byte[]> signed = Arbitraries.integers().between(0, SIGNATURES.length - 1)
                .flatMap(i -> Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(tail -> {
                    byte[] sig = SIGNATURES[i];
                    byte[] all = new byte[sig.length + tail.length];
                    System.arraycopy(sig, 0, all, 0, sig.length);
                    System.arraycopy(tail, 0, all, sig.length, tail.length);
                    return all;
                }));
        return Arbitraries.oneOf(random, signed, signed);
    }

    @Property
    void sniff_neverThrows(@ForAll("head") byte[] head, @ForAll int length) {
        int n = Math.floorMod(length, head.length + 8) - 4; // negative, in range and beyond the array
        Optional<ImageFormat> f = ImageFormat.sniff(head, n);
        assertThat(f).isNotNull();
    }

    @Property
    void dimensions_neverThrow(@ForAll("head") byte[] head, @ForAll int length) {
        int n = Math.floorMod(length, head.length + 8) - 4;
        for (ImageFormat format : ImageFormat.values()) {
            assertThat(format.dimensions(head, n)).isNotNull()
                    .satisfiesAnyOf(d -> assertThat(d).isEmpty(),
                            d -> assertThat(d.get().width()).isPositive());
        }
    }
}
