package io.github.seedream4j.tck;

import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.spi.ProviderResult;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps the provider's factory, injected with {@code SeedreamClient.builder().provider(factory)}, so the kit sees
 * when the client hands the provider a call: checks can wait for the provider to be at work instead of sleeping,
 * and can prove that nothing reached it. Everything else is the provider's own.
 */
final class ObservedFactory implements ImageProviderFactory {

    private final ImageProviderFactory delegate;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<ProviderCall> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch called = new CountDownLatch(1);

    ObservedFactory(ImageProviderFactory delegate) {
        this.delegate = delegate;
    }

    /** {@return how many calls the provider received} */
    int calls() {
        return calls.get();
    }

    /** {@return every call the provider received, in order; a snapshot} */
    List<ProviderCall> received() {
        return List.copyOf(received);
    }

    /** Waits until the provider received its first call. */
    boolean awaitCall(Duration timeout) throws InterruptedException {
        return called.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public String description() {
        return delegate.description();
    }

    @Override
    public Capabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public Capabilities capabilities(ProviderSettings settings) {
        return delegate.capabilities(settings);
    }

    @Override
    public List<SettingKey> settings() {
        return delegate.settings();
    }

    @Override
    public ImageProvider create(ProviderSettings settings) {
        ImageProvider provider = delegate.create(settings);
        return new ImageProvider() {
            @Override
            public CompletableFuture<ProviderResult> generate(ProviderCall call, GenerationContext context) {
                received.add(call);
                calls.incrementAndGet();
                called.countDown();
                return provider.generate(call, context);
            }

            @Override
            public CompletableFuture<ProviderResult> resume(String jobId, ProviderCall call,
                    GenerationContext context) {
                received.add(call);
                calls.incrementAndGet();
                called.countDown();
                return provider.resume(jobId, call, context);
            }

            @Override
            public void close() {
                provider.close();
            }

            @Override
            public String toString() {
                return provider.toString();
            }
        };
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
