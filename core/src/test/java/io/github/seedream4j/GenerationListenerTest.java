package io.github.seedream4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Listener dispatch: order, isolation of throwing listeners, and the asynchronous wrapper. */
@Timeout(60) // a guard against hangs, not a timing assertion
class GenerationListenerTest {

    /** A throwaway class path holding only the test provider, so other tests' discovery is not disturbed. */
    private static final ClassLoader LISTENER_TEST_CLASS_PATH = TestProviders.classPath(temporaryDirectory(),
            ListenerTestProvider.class.getName());

    private static java.nio.file.Path temporaryDirectory() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("listener-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final GenerationRequest REQUEST = GenerationRequest.of("a lighthouse at dawn")
            .withSize(ImageSize.exact(1280, 720));
    private static final List<Class<?>> LIFE = List.of(GenerationEvent.Validated.class,
            GenerationEvent.Submitted.class, GenerationEvent.Retried.class, GenerationEvent.Polled.class,
            GenerationEvent.ImageFetched.class, GenerationEvent.Completed.class);

    private static SeedreamClient client(GenerationListener listener) {
        return SeedreamClient.builder().classLoader(LISTENER_TEST_CLASS_PATH).provider(ListenerTestProvider.ID).listener(listener).build();
    }

    /** Records events; {@link #awaitOutcome()} waits for the outcome, which may follow the caller's result. */
    private static final class Recorder implements GenerationListener {
        final List<GenerationEvent> seen = new CopyOnWriteArrayList<>();
        private final CountDownLatch outcome = new CountDownLatch(1);

        @Override
        public void onEvent(GenerationEvent event) {
            seen.add(event);
            if (event instanceof GenerationEvent.Completed || event instanceof GenerationEvent.Failed) {
                outcome.countDown();
            }
        }

        List<GenerationEvent> awaitOutcome() throws InterruptedException {
            assertThat(outcome.await(30, TimeUnit.SECONDS)).isTrue();
            return seen;
        }
    }

    /**
     * With no listener, a blocking generate gets its result on the thread that decided it: nothing of the caller's
     * can be chained on a future only the caller waits for. An asynchronous one, whose caller may chain code that
     * blocks, still gets it from an event thread.
     */
    @Test
    void noListener_blockingGenerateStartsNoEventThread_asyncOneDoes() {
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (SeedreamClient client = SeedreamClient.builder().classLoader(LISTENER_TEST_CLASS_PATH)
                .provider(ListenerTestProvider.ID).build()) {
            client.generate(REQUEST);
            assertThat(newEventThreads(before)).isEmpty();

            client.generateAsync(REQUEST).join();
            assertThat(newEventThreads(before)).isNotEmpty();
        }
    }

    private static List<String> newEventThreads(java.util.Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t)).map(Thread::getName)
                .filter(n -> n.startsWith("seedream-" + ListenerTestProvider.ID + "-events")).toList();
    }

    @Test
    void listener_receivesTheLifeOfAGenerationInOrder() throws Exception {
        Recorder recorder = new Recorder();
        try (SeedreamClient client = client(recorder)) {
            client.generate(REQUEST);
        }
        List<GenerationEvent> seen = recorder.awaitOutcome();
        assertThat(seen).extracting(Object::getClass).containsExactlyElementsOf(LIFE);
        assertThat(seen).extracting(GenerationEvent::generationId).containsOnly(seen.get(0).generationId());
        assertThat(seen).extracting(GenerationEvent::providerId).containsOnly(ListenerTestProvider.ID);
    }

    @Test
    void listener_throwing_generationStillCompletes() throws Exception {
        Recorder recorder = new Recorder();
        GenerationListener throwing = e -> {
            throw new IllegalStateException("listener bug");
        };
        try (SeedreamClient client = SeedreamClient.builder().classLoader(LISTENER_TEST_CLASS_PATH).provider(ListenerTestProvider.ID).listener(throwing)
                .listener(recorder).build()) {
            GenerationResult result = client.generate(REQUEST);

            assertThat(result.images()).hasSize(1);
        }
        assertThat(recorder.awaitOutcome()).extracting(Object::getClass).containsExactlyElementsOf(LIFE);
    }

    @Test
    void listener_deadlinePassed_failedComesBeforeTheCancelledItCausesAndBothBeforeTheCaller() throws Exception {
        List<GenerationEvent> seen = new CopyOnWriteArrayList<>();
        try (SeedreamClient client = SeedreamClient.builder().classLoader(LISTENER_TEST_CLASS_PATH).provider(ListenerTestProvider.ID)
                .timeout(Duration.ofMillis(50)).listener(seen::add).build()) {
            assertThatThrownBy(() -> client.generate(REQUEST.toBuilder()
                    .prompt(ListenerTestProvider.NEVER_FINISHES).build()))
                    .isInstanceOf(GenerationTimeoutException.class);
            // no waiting: the caller's future completes only after listeners saw the final event
            assertThat(seen).extracting(Object::getClass).containsExactly(GenerationEvent.Validated.class,
                    GenerationEvent.Submitted.class, GenerationEvent.Failed.class, GenerationEvent.Cancelled.class);
        }
        assertThat(((GenerationEvent.Failed) seen.get(2)).error()).isInstanceOf(GenerationTimeoutException.class);
    }

    @Test
    void async_deliversEveryEventInOrderOnItsOwnThread() throws Exception {
        List<GenerationEvent> seen = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try (GenerationListener.Async async = GenerationListener.async(e -> {
            seen.add(e);
            threads.add(Thread.currentThread().getName());
            if (e instanceof GenerationEvent.Completed) {
                done.countDown();
            }
        }, 16); SeedreamClient client = client(async)) {
            client.generate(REQUEST);

            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(async.dropped()).isZero();
        }
        assertThat(seen).extracting(Object::getClass).containsExactlyElementsOf(LIFE);
        assertThat(threads).allMatch(name -> name.startsWith("seedream-listener-"));
    }

    @Test
    void async_throwingListener_generationCompletesAndLaterEventsStillArrive() throws Exception {
        List<GenerationEvent> seen = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(LIFE.size());
        try (GenerationListener.Async async = GenerationListener.async(e -> {
            seen.add(e);
            all.countDown();
            throw new IllegalStateException("listener bug on " + e.getClass().getSimpleName());
        }, 16); SeedreamClient client = client(async)) {
            GenerationResult result = client.generate(REQUEST);

            assertThat(result.images()).hasSize(1);
            assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen).extracting(Object::getClass).containsExactlyElementsOf(LIFE);
    }

    @Test
    void async_blockingListener_generationCompletesAndOverflowIsDroppedAndCounted() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<GenerationEvent> seen = new CopyOnWriteArrayList<>();
        CountDownLatch queuedDelivered = new CountDownLatch(3);
        GenerationListener blocking = e -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            seen.add(e);
            queuedDelivered.countDown();
        };
        CountDownLatch published = new CountDownLatch(1);
        try (GenerationListener.Async async = GenerationListener.async(blocking, 2);
                SeedreamClient client = SeedreamClient.builder().classLoader(LISTENER_TEST_CLASS_PATH).provider(ListenerTestProvider.ID).listener(async)
                        .listener(e -> {
                            if (e instanceof GenerationEvent.Completed) {
                                published.countDown();
                            }
                        }).build()) {
            // occupy the listener's thread first, so the queue is empty and the count below is exact
            async.onEvent(new GenerationEvent.Cancelled("primer", ListenerTestProvider.ID, Instant.now(), "primer"));
            assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

            GenerationResult result = client.generate(REQUEST);

            assertThat(result.images()).hasSize(1);
            // Completed is published just after the caller gets the result; listeners see it in registration order
            assertThat(published.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(async.dropped()).isEqualTo(LIFE.size() - 2);
            release.countDown();
            assertThat(queuedDelivered.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen).extracting(Object::getClass).containsExactly(GenerationEvent.Cancelled.class,
                GenerationEvent.Validated.class, GenerationEvent.Submitted.class);
    }

    @Test
    void async_closed_dropsAndCountsNewEvents() {
        List<GenerationEvent> seen = new CopyOnWriteArrayList<>();
        GenerationListener.Async async = GenerationListener.async(seen::add, 4);
        async.close();

        async.onEvent(new GenerationEvent.Cancelled("g1", ListenerTestProvider.ID, Instant.now(), "test"));

        assertThat(async.dropped()).isEqualTo(1);
        assertThat(seen).isEmpty();
    }

    @Test
    void async_capacityBelowOne_isRefused() {
        assertThatThrownBy(() -> GenerationListener.async(e -> { }, 0))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("queueCapacity 0 must be at least 1");
    }

    @Test
    void async_nullListener_isRefused() {
        assertThatThrownBy(() -> GenerationListener.async(null, 1))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("listener");
    }
}
