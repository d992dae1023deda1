package io.github.seedream4j;

import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.spi.ProviderResult;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import javax.imageio.ImageIO;

/** Providers that exist only for core's tests, registered on real, throwaway class paths. */
final class TestProviders {

    static final List<ProviderCall> CALLS = new CopyOnWriteArrayList<>();

    private TestProviders() {
    }

    /** A class loader whose class path holds one directory with a service file naming {@code factories}. */
    static ClassLoader classPath(Path dir, String... factories) {
        try {
            Path services = dir.resolve("META-INF/services");
            Files.createDirectories(services);
            Files.writeString(services.resolve(ImageProviderFactory.class.getName()), String.join("\n", factories) + "\n");
            return new URLClassLoader(new URL[] {dir.toUri().toURL()}, TestProviders.class.getClassLoader()) {
                @Override
                public java.util.Enumeration<URL> getResources(String name) throws IOException {
                    // only this class path's registrations: the test class path itself registers a provider
                    // (ListenerTestProvider), which would otherwise leak into every discovery case
                    return name.startsWith("META-INF/services/") ? findResources(name) : super.getResources(name);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] png(int width, int height) {
        try {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exact pixels 1024..4096, no tiers, seeds only, two images per call, 0.01 USD per image; paints plain PNGs. */
    public static final class Pixels implements ImageProviderFactory {
        static final SettingKey KEY = SettingKey.required("api-key", "the key").asSecret()
                .withEnvironmentVariables("PIXELS_API_KEY");

        @Override
        public String id() {
            return "pixels";
        }

        @Override
        public String description() {
            return "test provider taking exact pixels";
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.builder().exactSizes(1024, 4096).seed(true).maxImagesPerCall(2)
                    .pricing(PriceModel.perImage(Cost.usd("0.01"))).build();
        }

        @Override
        public List<SettingKey> settings() {
            return List.of(KEY);
        }

        @Override
        public ImageProvider create(ProviderSettings settings) {
            settings.secret(KEY);
            return ImageProvider.blocking((call, context) -> {
                CALLS.add(call);
                for (int i = 0; i < call.images(); i++) {
                    context.images().store(png(call.resolution().width(), call.resolution().height()), "image/png",
                            null);
                }
                return ProviderResult.none();
            });
        }
    }

    /** Tiers only (2K at 1:1 and 16:9), everything optional supported except seeds; reports its cost. */
    public static final class Tiers implements ImageProviderFactory {
        @Override
        public String id() {
            return "tiers";
        }

        @Override
        public String description() {
            return "test provider taking tiers";
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.builder().noExactSizes()
                    .tiers(List.of(SizeTier.TWO_K), List.of(AspectRatio.RATIO_1_1, AspectRatio.RATIO_16_9))
                    .promptEnhancement(true).build();
        }

        @Override
        public List<SettingKey> settings() {
            return List.of();
        }

        @Override
        public ImageProvider create(ProviderSettings settings) {
            return ImageProvider.blocking((call, context) -> {
                CALLS.add(call);
                context.images().store(png(64, 64), "image/png", null);
                return ProviderResult.builder().reportedCost(Cost.usd("0.05")).build();
            });
        }
    }

    /** Blocks each call on a worker, through the blocking adapter, until interrupted; counts calls that started. */
    public static final class Blocking implements ImageProviderFactory {
        static final Semaphore STARTED = new Semaphore(0);

        @Override
        public String id() {
            return "blocking";
        }

        @Override
        public String description() {
            return "test provider that never finishes";
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.builder().exactSizes(1024, 4096).build();
        }

        @Override
        public List<SettingKey> settings() {
            return List.of();
        }

        @Override
        public ImageProvider create(ProviderSettings settings) {
            return ImageProvider.blocking((call, context) -> {
                STARTED.release();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new GenerationCancelledException("interrupted");
            });
        }
    }

    /** A factory whose constructor throws: a broken provider jar. */
    public static final class Broken implements ImageProviderFactory {
        public Broken() {
            throw new IllegalStateException("broken on purpose");
        }

        @Override
        public String id() {
            return "broken";
        }

        @Override
        public String description() {
            return "";
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.builder().build();
        }

        @Override
        public List<SettingKey> settings() {
            return List.of();
        }

        @Override
        public ImageProvider create(ProviderSettings settings) {
            throw new AssertionError();
        }
    }

    /** Accepts every call as job "hanging-1" and never finishes; records the cancellations it receives. */
    public static final class Hanging implements ImageProviderFactory {
        static final List<String> CANCELLED = new CopyOnWriteArrayList<>();

        @Override
        public String id() {
            return "hanging";
        }

        @Override
        public String description() {
            return "test provider whose jobs never finish";
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.builder().build();
        }

        @Override
        public List<SettingKey> settings() {
            return List.of();
        }

        @Override
        public ImageProvider create(ProviderSettings settings) {
            return (call, context) -> {
                context.progress().submitted("hanging-1");
                context.onCancel(() -> CANCELLED.add("hanging-1"));
                return new java.util.concurrent.CompletableFuture<>();
            };
        }
    }
}
