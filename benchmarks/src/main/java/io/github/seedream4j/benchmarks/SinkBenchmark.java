package io.github.seedream4j.benchmarks;

import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ImageSink;
import io.github.seedream4j.spi.ProviderResult;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The checking image sink on its own, with no network: a provider that pushes a 1 MiB PNG into
 * {@code context.images()} in the 16 KiB pieces the JDK's HTTP client delivers, or hands it over whole, through a
 * whole blocking {@code generate}; next to the same generation with a 64-byte image (the engine without the image's
 * bytes) and to copying the pieces into one array (what a client that checks nothing does). Run with
 * {@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main SinkBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SinkBenchmark {

    static final int SIDE = 1024;
    static final int PIECE = 16 * 1024;
    static final byte[] IMAGE = SyntheticPng.of(SIDE, SIDE, 1024 * 1024);
    static final byte[] TINY = SyntheticPng.of(SIDE, SIDE, 64);

    private SeedreamClient client;
    private GenerationRequest pieces;
    private GenerationRequest whole;
    private GenerationRequest tiny;

    @Setup(Level.Trial)
    public void setUp() {
        client = SeedreamClient.builder().provider(new Factory()).build();
        pieces = GenerationRequest.of("pieces").withSize(ImageSize.exact(SIDE, SIDE));
        whole = GenerationRequest.of("whole").withSize(ImageSize.exact(SIDE, SIDE));
        tiny = GenerationRequest.of("tiny").withSize(ImageSize.exact(SIDE, SIDE));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
    }

    /** 1 MiB pushed in 16 KiB pieces: what an HTTP download does. */
    @Benchmark
    public long pushedInPieces() {
        return client.generate(pieces).image().byteSize();
    }

    /** 1 MiB handed over as one array: what a base64 answer does. */
    @Benchmark
    public long handedOverWhole() {
        return client.generate(whole).image().byteSize();
    }

    /** The same generation with a 64-byte image: the engine's own share. */
    @Benchmark
    public long engineWithTinyImage() {
        return client.generate(tiny).image().byteSize();
    }

    /** The floor: the pieces copied into one array of the image's length, nothing checked. */
    @Benchmark
    public byte[] copyOnly() {
        byte[] into = new byte[IMAGE.length];
        for (int off = 0; off < IMAGE.length; off += PIECE) {
            ByteBuffer.wrap(IMAGE, off, Math.min(PIECE, IMAGE.length - off)).get(into, off,
                    Math.min(PIECE, IMAGE.length - off));
        }
        return into;
    }

    /** A provider that makes no request: it stores the image the prompt names. */
    static final class Factory implements ImageProviderFactory {
        @Override
        public String id() {
            return "sink-bench";
        }

        @Override
        public String description() {
            return "stores a ready-made PNG, for the sink benchmark";
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.builder().exactSizes(SIDE, SIDE).build();
        }

        @Override
        public List<SettingKey> settings() {
            return List.of();
        }

        @Override
        public ImageProvider create(ProviderSettings settings) {
            return (call, context) -> {
                ImageSink sink = context.images();
                switch (call.request().prompt().text()) {
                    case "whole":
                        sink.store(IMAGE, "image/png", null);
                        break;
                    case "tiny":
                        sink.store(TINY, "image/png", null);
                        break;
                    default:
                        ImageSink.Upload upload = sink.open("image/png", null, IMAGE.length);
                        for (int off = 0; off < IMAGE.length; off += PIECE) {
                            upload.write(ByteBuffer.wrap(IMAGE, off, Math.min(PIECE, IMAGE.length - off)));
                        }
                        upload.complete();
                }
                return CompletableFuture.completedFuture(ProviderResult.none());
            };
        }
    }
}
