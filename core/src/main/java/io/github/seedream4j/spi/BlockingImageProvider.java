package io.github.seedream4j.spi;

/**
 * A provider written as plain blocking code, for APIs that answer a request with its images (one POST, images in
 * the answer). Adapt it with {@link ImageProvider#blocking(BlockingImageProvider)}; the adapter runs it on the
 * context's executor and interrupts it on cancellation or when the deadline passes. Blocking calls must end on that
 * interrupt ({@code HttpClient.send} does) or be closed by an {@link GenerationContext#onCancel} action (a JDK
 * {@code HttpClient} body stream must be: an interrupt does not end a read blocked in it).
 */
@FunctionalInterface
public interface BlockingImageProvider extends AutoCloseable {

    /**
     * Runs one call and blocks until its images are in {@link GenerationContext#images()}.
     *
     * @param call the call, already validated by the client; never {@code null}
     * @param context the deadline, cancellation, where images go and how to report progress; never {@code null}
     * @return what the call produced besides its images, never {@code null}
     * @throws io.github.seedream4j.SeedreamException a subtype saying what went wrong
     */
    ProviderResult generate(ProviderCall call, GenerationContext context);

    /** Releases connections. The default does nothing. */
    @Override
    default void close() {
    }
}
