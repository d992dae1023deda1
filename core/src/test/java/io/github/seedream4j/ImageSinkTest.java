package io.github.seedream4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seedream4j.spi.ImageSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client's sink takes an image three ways (a whole array, a stream it reads, pieces pushed by an HTTP body
 * subscriber) and must check and keep it the same way whichever is used, in memory and in a directory.
 */
class ImageSinkTest {

    private static final byte[] PNG = TestProviders.png(40, 30);
    private static final Resolution ASKED = new Resolution(40, 30);

    @TempDir
    Path dir;

    private final List<Warning> warnings = new ArrayList<>();
    private final AtomicBoolean abandoned = new AtomicBoolean();

    enum Way { WHOLE, STREAM, PUSHED_IN_PIECES, PUSHED_BYTE_BY_BYTE }

    static Stream<Arguments> ways() {
        return Stream.of(Way.values()).flatMap(w -> Stream.of(Arguments.of(w, false), Arguments.of(w, true)));
    }

    @ParameterizedTest(name = "{0}, to a file: {1}")
    @MethodSource("ways")
    void everyWayKeepsTheSameImage(Way way, boolean toFile) throws IOException {
        CheckingImageSink sink = sink(toFile, 1 << 20);

        give(sink, way, PNG, "image/png");

        List<GeneratedImage> images = sink.commit();
        assertThat(images).hasSize(1);
        GeneratedImage image = images.get(0);
        assertThat(image.format()).isEqualTo(ImageFormat.PNG);
        assertThat(image.resolution()).isEqualTo(ASKED);
        assertThat(image.bytes()).isEqualTo(PNG);
        assertThat(image.file().isPresent()).isEqualTo(toFile);
        if (toFile) {
            assertThat(Files.readAllBytes(dir.resolve("out.png"))).isEqualTo(PNG);
        }
        assertThat(leftovers()).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @ParameterizedTest(name = "{0}, to a file: {1}")
    @MethodSource("ways")
    void aTruncatedImageIsRefusedAndLeavesNoFile(Way way, boolean toFile) throws IOException {
        CheckingImageSink sink = sink(toFile, 1 << 20);
        byte[] cut = Arrays.copyOf(PNG, PNG.length - 7);

        assertThatThrownBy(() -> give(sink, way, cut, null)).isInstanceOf(ImageDownloadException.class)
                .hasMessage("provider test: the PNG image from the provider is truncated (" + cut.length
                        + " bytes and no end marker): the download was cut short; fetch it again");
        assertThat(sink.count()).isZero();
        assertThat(leftovers()).isEmpty();
    }

    @ParameterizedTest(name = "{0}, to a file: {1}")
    @MethodSource("ways")
    void contentThatIsNotAnImageIsRefused(Way way, boolean toFile) throws IOException {
        CheckingImageSink sink = sink(toFile, 1 << 20);
        byte[] html = "<html><body>expired</body></html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> give(sink, way, html, "text/html")).isInstanceOf(ImageDownloadException.class)
                .hasMessage("provider test: the content from the provider is not a PNG, JPEG or WebP image (it starts "
                        + "with 3c 68 74 6d 6c 3e 3c 62 \"<html><b\") and is declared as 'text/html'; the URL may "
                        + "have expired");
        assertThat(leftovers()).isEmpty();
    }

    @ParameterizedTest(name = "{0}, to a file: {1}")
    @MethodSource("ways")
    void anImageOverTheCapIsRefused(Way way, boolean toFile) throws IOException {
        CheckingImageSink sink = sink(toFile, PNG.length - 1);

        // pushed with its length announced, it is refused before the first byte
        String size = way == Way.PUSHED_IN_PIECES || way == Way.PUSHED_BYTE_BY_BYTE ? PNG.length + " bytes, " : "";
        assertThatThrownBy(() -> give(sink, way, PNG, null)).isInstanceOf(ImageDownloadException.class)
                .hasMessage("provider test: the image is " + size + "larger than the cap of " + (PNG.length - 1)
                        + " bytes; raise the client's maxImageBytes if such images are expected");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void pushedContentThatIsNotAnImageFailsAtItsFirstTwelveBytes() {
        ImageSink.Upload upload = sink(true, 1 << 20).open(null, null, -1);
        upload.write(ByteBuffer.wrap("GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

        assertThatThrownBy(() -> upload.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6})))
                .isInstanceOf(ImageDownloadException.class).hasMessageContaining("is not a PNG, JPEG or WebP image");
    }

    @Test
    void aDeclaredLengthOverTheCapIsRefusedBeforeAnyByte() {
        CheckingImageSink sink = sink(false, 1000);

        assertThatThrownBy(() -> sink.open("image/png", null, 1001)).isInstanceOf(ImageDownloadException.class)
                .hasMessage("provider test: the image is 1001 bytes, larger than the cap of 1000 bytes; raise the "
                        + "client's maxImageBytes if such images are expected");
    }

    @Test
    void anAbortedUploadRemovesItsTemporaryFile() throws IOException {
        CheckingImageSink sink = sink(true, 1 << 20);
        ImageSink.Upload upload = sink.open("image/png", null, PNG.length);
        upload.write(ByteBuffer.wrap(PNG, 0, PNG.length / 2));
        assertThat(leftovers()).hasSize(1);

        upload.abort();
        upload.abort();

        assertThat(leftovers()).isEmpty();
        assertThat(sink.commit()).isEmpty();
    }

    @Test
    void anUploadWhoseGenerationEndedIsNotKept() throws IOException {
        CheckingImageSink sink = sink(true, 1 << 20);
        ImageSink.Upload upload = sink.open("image/png", null, PNG.length);
        upload.write(ByteBuffer.wrap(PNG, 0, 40));
        assertThat(leftovers()).hasSize(1);
        abandoned.set(true);

        assertThatThrownBy(() -> upload.write(ByteBuffer.wrap(PNG, 40, PNG.length - 40)))
                .isInstanceOf(GenerationCancelledException.class);
        assertThat(leftovers()).isEmpty();
        assertThat(Files.exists(dir.resolve("out.png"))).isFalse();
    }

    @Test
    void theDefaultUploadOfAnotherSinkHandsTheWholeImageToStore() {
        List<byte[]> stored = new ArrayList<>();
        ImageSink recording = new ImageSink() {
            @Override
            public void store(InputStream content, String declaredMediaType, java.net.URI source) {
                throw new AssertionError("not used");
            }

            @Override
            public void store(byte[] content, String declaredMediaType, java.net.URI source) {
                stored.add(content);
            }

            @Override
            public long maxBytes() {
                return PNG.length;
            }
        };
        ImageSink.Upload upload = recording.open("image/png", null, 10);
        for (int i = 0; i < PNG.length; i += 7) {
            upload.write(ByteBuffer.wrap(PNG, i, Math.min(7, PNG.length - i)));
        }
        upload.complete();

        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).isEqualTo(PNG);
        assertThatThrownBy(() -> recording.open("image/png", null, PNG.length + 1L))
                .isInstanceOf(ImageDownloadException.class)
                .hasMessage("the image is " + (PNG.length + 1) + " bytes, larger than the cap of " + PNG.length
                        + " bytes");
        ImageSink.Upload over = recording.open("image/png", null, -1);
        assertThatThrownBy(() -> over.write(ByteBuffer.wrap(new byte[PNG.length + 1])))
                .isInstanceOf(ImageDownloadException.class).hasMessageContaining("larger than the cap");
    }

    private void give(CheckingImageSink sink, Way way, byte[] content, String type) {
        switch (way) {
            case WHOLE -> sink.store(content.clone(), type, null);
            case STREAM -> sink.store(new ByteArrayInputStream(content), type, null);
            case PUSHED_IN_PIECES -> push(sink, content, type, new Random(content.length).nextInt(20) + 5);
            case PUSHED_BYTE_BY_BYTE -> push(sink, content, type, 1);
        }
    }

    private static void push(ImageSink sink, byte[] content, String type, int piece) {
        ImageSink.Upload upload = sink.open(type, null, content.length);
        try {
            for (int i = 0; i < content.length; i += piece) {
                // a view into a larger array, as an HTTP client's buffers are
                ByteBuffer b = ByteBuffer.wrap(content, i, Math.min(piece, content.length - i)).slice();
                upload.write(b);
                assertThat(b.hasRemaining()).isFalse();
            }
            upload.complete();
        } catch (RuntimeException e) {
            upload.abort();
            throw e;
        }
    }

    private CheckingImageSink sink(boolean toFile, long cap) {
        ImageDestination destination = toFile ? ImageDestination.directory(dir, "out", false)
                : ImageDestination.memory();
        return new CheckingImageSink(destination, ASKED, null, false, 0, 1, 1, cap, new CheckingImageSink.Owner() {
            @Override
            public String providerId() {
                return "test";
            }

            @Override
            public void warn(Warning warning) {
                warnings.add(warning);
            }

            @Override
            public void fetched(GeneratedImage image, long nanos) {
            }

            @Override
            public boolean abandoned() {
                return abandoned.get();
            }
        });
    }

    private List<Path> leftovers() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().equals("out.png")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
