package io.github.seedream4j.benchmarks;

import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.SeedreamClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fake provider's whole in-process path (validate, paint, encode, check the PNG) against {@code ImageIO}
 * writing the same pixels. Run with {@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main
 * FakePngBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class FakePngBenchmark {

    @Param({"1024", "2048", "4096"})
    public int side;

    private SeedreamClient client;
    private GenerationRequest request;
    private BufferedImage pixels;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        client = SeedreamClient.builder().provider("fake").build();
        request = GenerationRequest.of("a lighthouse at dawn").withSize(ImageSize.exact(side, side));
        pixels = ImageIO.read(new ByteArrayInputStream(client.generate(request).image().bytes()));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
    }

    @Benchmark
    public byte[] fakeGenerate() {
        return client.generate(request).image().bytes();
    }

    @Benchmark
    public boolean imageIoWrite() throws IOException {
        return ImageIO.write(pixels, "png", OutputStream.nullOutputStream());
    }
}
