package io.github.seedream4j.benchmarks;

import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.SizeTier;
import io.github.seedream4j.AspectRatio;
import java.nio.file.Path;

/**
 * What {@code seedream generate "x" --provider fake --size 1K --out <file>} does, as a whole process, until the
 * command line exists: {@code java -cp benchmarks.jar io.github.seedream4j.benchmarks.GenerateOnce /tmp/x.png}.
 */
public final class GenerateOnce {

    private GenerateOnce() {
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "x.png");
        try (SeedreamClient client = SeedreamClient.builder().provider("fake").build()) {
            client.generate(GenerationRequest.of("x").withSize(ImageSize.tiered(SizeTier.ONE_K, AspectRatio.RATIO_1_1)))
                    .image().writeTo(out, true);
        }
    }
}
