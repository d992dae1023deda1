package io.github.seedream4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seedream4j.ImageFormat;
import io.github.seedream4j.Resolution;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class TestImagesTest {

    @Test
    void png_decodesToTheExactPixelsAndColour() throws IOException {
        byte[] png = TestImages.png(300, 17, 0x123456);

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));

        assertThat(ImageFormat.sniff(png, png.length)).contains(ImageFormat.PNG);
        assertThat(decoded.getWidth()).isEqualTo(300);
        assertThat(decoded.getHeight()).isEqualTo(17);
        assertThat(decoded.getRGB(299, 16) & 0xffffff).isEqualTo(0x123456);
    }

    @Test
    void png_atTheModelsLongestSideDecodes() throws IOException {
        byte[] png = TestImages.png(16384, 1024);

        assertThat(ImageFormat.PNG.dimensions(png, png.length)).contains(Resolution.of(16384, 1024));
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(Resolution.of(decoded.getWidth(), decoded.getHeight())).isEqualTo(Resolution.of(16384, 1024));
    }

    @Test
    void of_makesAJpegAtTheExactPixels() throws IOException {
        byte[] jpeg = TestImages.of(Resolution.of(64, 48), ImageFormat.JPEG);

        assertThat(ImageFormat.sniff(jpeg, jpeg.length)).contains(ImageFormat.JPEG);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(Resolution.of(decoded.getWidth(), decoded.getHeight())).isEqualTo(Resolution.of(64, 48));
    }

    @Test
    void of_refusesWebpWithWhatToUseInstead() {
        assertThatThrownBy(() -> TestImages.of(Resolution.of(64, 64), ImageFormat.WEBP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the JDK cannot write WEBP images; use PNG or JPEG in stubs");
    }
}
