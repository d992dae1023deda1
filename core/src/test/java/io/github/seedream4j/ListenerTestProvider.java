package io.github.seedream4j;

import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.spi.ProviderResult;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A minimal in-process provider for core's own tests: submits, reports a retry and a poll, and stores a real
 * (black) PNG of the requested size per image. Public for {@link java.util.ServiceLoader}.
 */
public final class ListenerTestProvider implements ImageProviderFactory {

    static final String ID = "listener-test";
    /** A prompt whose call is accepted and then never finishes. */
    static final String NEVER_FINISHES = "never finishes";

    /** For {@link java.util.ServiceLoader}. */
    public ListenerTestProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "core's test provider";
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.builder().exactSizes(1, 4096).seed(true).maxImagesPerCall(4).build();
    }

    @Override
    public List<SettingKey> settings() {
        return List.of();
    }

    @Override
    public ImageProvider create(ProviderSettings settings) {
        ImageProvider blocking = ImageProvider.blocking(ListenerTestProvider::generate);
        return (call, context) -> {
            if (call.request().prompt().text().equals(NEVER_FINISHES)) {
                context.progress().submitted("job-" + call.callIndex());
                return new CompletableFuture<>();
            }
            return blocking.generate(call, context);
        };
    }

    private static ProviderResult generate(ProviderCall call, GenerationContext context) {
        String job = "job-" + call.callIndex();
        context.progress().submitted(job);
        context.progress().retried(2, Duration.ofMillis(1), "HTTP 429");
        context.progress().polled(job, "COMPLETED");
        for (int i = 0; i < call.images(); i++) {
            context.images().store(png(call.resolution().width(), call.resolution().height()), "image/png", null);
        }
        return ProviderResult.builder().jobId(job).build();
    }

    static byte[] png(int width, int height) {
        byte[] raw = new byte[height * (1 + width * 3)];
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!deflater.finished()) {
            idat.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        byte[] ihdr = {0, 0, 0, 0, 0, 0, 0, 0, 8, 2, 0, 0, 0};
        putInt(ihdr, 0, width);
        putInt(ihdr, 4, height);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        chunk(png, "IHDR", ihdr);
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] head = new byte[8];
        putInt(head, 0, data.length);
        for (int i = 0; i < 4; i++) {
            head[4 + i] = (byte) type.charAt(i);
        }
        CRC32 crc = new CRC32();
        crc.update(head, 4, 4);
        crc.update(data);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        out.writeBytes(head);
        out.writeBytes(data);
        out.writeBytes(tail);
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
