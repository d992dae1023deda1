package io.github.seedream4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.seedream4j.GeneratedImage;
import io.github.seedream4j.ImageDownloadException;
import io.github.seedream4j.ImageFormat;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.spi.ImageSink;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImageDownloaderTest {

    private WireMockServer server;
    private final List<Duration> slept = new ArrayList<>();
    private ImageDownloader downloader;
    private final RecordingSink sink = new RecordingSink(1024 * 1024);

    static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        downloader = ImageDownloader.builder("test").maxRedirects(2).sleeper(slept::add)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).random(() -> 0.0).build()).build();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private URI url(String path) {
        return URI.create(server.baseUrl() + path);
    }

    @Test
    void download_streamsThePngIntoTheSink() {
        byte[] png = png(3, 2);
        server.stubFor(get("/img.png").willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(png)));

        downloader.download(url("/img.png"), sink, "job-1", null);

        assertThat(sink.bytes).isEqualTo(png);
        assertThat(sink.type).isEqualTo("image/png");
        assertThat(sink.source).isEqualTo(url("/img.png"));
    }

    @Test
    void download_followsRedirectsWithinTheLimit() {
        byte[] png = png(1, 1);
        server.stubFor(get("/a").willReturn(aResponse().withStatus(302).withHeader("Location", "/b")));
        server.stubFor(get("/b").willReturn(aResponse().withStatus(301).withHeader("Location", server.baseUrl() + "/c")));
        server.stubFor(get("/c").willReturn(aResponse().withBody(png)));

        downloader.download(url("/a"), sink, null, null);

        assertThat(sink.bytes).isEqualTo(png);
    }

    @Test
    void download_tooManyRedirects() {
        server.stubFor(get("/loop").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));

        assertThatThrownBy(() -> downloader.download(url("/loop"), sink, null, null))
                .isInstanceOf(ImageDownloadException.class)
                .hasMessage("provider test: the image URL " + server.baseUrl() + "/loop redirected more than 2 times; "
                        + "refusing to follow further");
        server.verify(3, getRequestedFor(urlEqualTo("/loop")));
    }

    @Test
    void download_refusesARedirectToPlainHttpElsewhere() {
        server.stubFor(get("/a").willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://images.example.com/x.png?sig=secret")));

        assertThatThrownBy(() -> downloader.download(url("/a"), sink, null, null))
                .isInstanceOf(ImageDownloadException.class)
                .hasMessage("provider test: the image URL http://images.example.com/x.png?... uses plain http; only "
                        + "https is fetched (plain http only from this machine)");
    }

    @Test
    void download_refusesPlainHttpToOtherHosts() {
        assertThatThrownBy(() -> downloader.download(URI.create("http://image.runpod.ai/abc/output.png"), sink, null,
                null)).isInstanceOf(ImageDownloadException.class).hasMessageContaining("uses plain http");
        assertThatThrownBy(() -> downloader.download(URI.create("file:///etc/passwd"), sink, null, null))
                .isInstanceOf(ImageDownloadException.class).hasMessageContaining("is not an absolute https URL");
    }

    @Test
    void download_expiredUrl() {
        server.stubFor(get("/gone.png").willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> downloader.download(url("/gone.png?X-Amz-Signature=abc"), sink, "job-9", null))
                .isInstanceOf(ImageDownloadException.class)
                .hasMessage("provider test: the image URL " + server.baseUrl() + "/gone.png?... answered HTTP 404: it "
                        + "has expired or never existed (provider image URLs are short-lived); generate the image again")
                .satisfies(e -> assertThat(((ImageDownloadException) e).jobId()).contains("job-9"));
        server.verify(1, getRequestedFor(urlEqualTo("/gone.png?X-Amz-Signature=abc")));
    }

    @Test
    void download_retries5xxAndConnectionErrors() {
        byte[] png = png(1, 1);
        server.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("reset"));
        server.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs("reset")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        server.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(aResponse().withBody(png)));
        List<String> reasons = new ArrayList<>();

        downloader.download(url("/flaky"), sink, null, (attempt, delay, reason) -> reasons.add(attempt + " " + reason));

        assertThat(sink.bytes).isEqualTo(png);
        assertThat(reasons).hasSize(2).first().isEqualTo("2 HTTP 503");
        assertThat(slept).hasSize(2);
    }

    @Test
    void download_contentLengthAboveTheCapIsRefusedBeforeReading() {
        server.stubFor(get("/big").willReturn(aResponse().withHeader("Content-Length", "2097152")
                .withBody(new byte[2 * 1024 * 1024])));

        assertThatThrownBy(() -> downloader.download(url("/big"), sink, null, null))
                .isInstanceOf(ImageDownloadException.class)
                .hasMessage("provider test: the image at " + server.baseUrl() + "/big is 2097152 bytes, larger than "
                        + "the cap of 1048576 bytes; raise the client's maxImageBytes if such images are expected");
        assertThat(sink.bytes).isNull();
    }

    @Test
    void download_truncatedBodyIsReported() {
        byte[] png = png(4, 4);
        server.stubFor(get("/cut").willReturn(aResponse().withHeader("Content-Length", String.valueOf(png.length + 100))
                .withBody(png)));

        assertThatThrownBy(() -> downloader.download(url("/cut"), sink, null, null))
                .isInstanceOf(ImageDownloadException.class)
                .hasMessageContaining("reading the image from");
    }

    @Test
    void download_passesTheDeclaredTypeSoTheSinkCanCheckIt() {
        server.stubFor(get("/page").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<html>expired</html>")));

        assertThatThrownBy(() -> downloader.download(url("/page"), sink, null, null))
                .isInstanceOf(ImageDownloadException.class)
                .hasMessage("sink: declared text/html is not an image");
    }

    /** Reads like the client's sink: a cap while reading, a content-type check, the whole stream. */
    private static final class RecordingSink implements ImageSink {
        private final long cap;
        byte[] bytes;
        String type;
        URI source;

        RecordingSink(long cap) {
            this.cap = cap;
        }

        @Override
        public GeneratedImage store(InputStream content, String declaredMediaType, URI source) {
            if (declaredMediaType != null && !declaredMediaType.startsWith("image/")) {
                throw new ImageDownloadException("sink: declared " + declaredMediaType + " is not an image");
            }
            try {
                byte[] read = content.readNBytes((int) cap + 1);
                if (read.length > cap) {
                    throw new ImageDownloadException("sink: over the cap");
                }
                return store(read, declaredMediaType, source);
            } catch (IOException e) {
                throw new ImageDownloadException("sink: reading the image from " + source.getHost() + " failed: "
                        + e.getMessage(), null, null, e);
            }
        }

        @Override
        public GeneratedImage store(byte[] content, String declaredMediaType, URI source) {
            this.bytes = Arrays.copyOf(content, content.length);
            this.type = declaredMediaType;
            this.source = source;
            return GeneratedImage.inMemory(ImageFormat.PNG, Resolution.of(1, 1), content, null, source);
        }

        @Override
        public long maxBytes() {
            return cap;
        }
    }
}
