package io.github.seedream4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.spi.ProviderResult;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine under misuse and races: each test reproduces one way a generation used to end wrongly (a job left
 * running, a future never completed, a file left behind) and checks the rule that closes it.
 */
class EngineHardeningTest {

    private static final GenerationRequest REQUEST = GenerationRequest.of("a red fox").withSize(ImageSize.exact(1024, 1024));
    private static final byte[] PNG = TestProviders.png(1024, 1024);
    /** How often race tests repeat; raise with -Dseedream.test.races=N for a longer hunt. */
    private static final int RACES = Integer.getInteger("seedream.test.races", 20);

    /** A provider whose behaviour each test writes as a function of the call and its context. */
    private static ImageProviderFactory provider(
            BiFunction<ProviderCall, GenerationContext, CompletableFuture<ProviderResult>> generate) {
        return provider(ImageProvider.class.cast((ImageProvider) generate::apply), "USD");
    }

    private static ImageProviderFactory provider(ImageProvider provider, String currency) {
        return new ImageProviderFactory() {
            @Override
            public String id() {
                return "test";
            }

            @Override
            public String description() {
                return "test provider";
            }

            @Override
            public Capabilities capabilities() {
                return Capabilities.builder().exactSizes(1, 4096).maxImagesPerCall(1)
                        .pricing(PriceModel.perImage(Cost.parse("0.01", java.util.Currency.getInstance(currency))))
                        .build();
            }

            @Override
            public List<SettingKey> settings() {
                return List.of();
            }

            @Override
            public ImageProvider create(ProviderSettings settings) {
                return provider;
            }
        };
    }

    /** Answers after {@code millis} with one image, on the context's scheduler and executor. */
    private static CompletableFuture<ProviderResult> paintAfter(GenerationContext context, long millis) {
        CompletableFuture<ProviderResult> f = new CompletableFuture<>();
        context.scheduler().schedule(() -> context.executor().execute(() -> {
            try {
                context.images().store(PNG.clone(), "image/png", null);
                f.complete(ProviderResult.none());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        }), millis, TimeUnit.MILLISECONDS);
        return f;
    }

    // ---- money: a job the caller gave up on must not keep running

    @Test
    void jobIdArrivingAfterTheCallerCancelled_isCancelledOnArrival() throws Exception {
        List<String> cancelled = new CopyOnWriteArrayList<>();
        AtomicInteger submitted = new AtomicInteger();
        ImageProviderFactory slowSubmit = provider((call, context) -> {
            CompletableFuture<ProviderResult> f = new CompletableFuture<>();
            // the job id comes back 100 ms after the caller already cancelled
            context.scheduler().schedule(() -> {
                String job = "job-" + submitted.incrementAndGet();
                context.progress().submitted(job);
                context.onCancel(() -> cancelled.add(job));
            }, 100, TimeUnit.MILLISECONDS);
            return f;
        });
        try (SeedreamClient client = SeedreamClient.builder().provider(slowSubmit).build()) {
            List<GenerationHandle> handles = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                handles.add(client.submit(REQUEST));
            }
            handles.forEach(GenerationHandle::cancel);
            for (GenerationHandle h : handles) {
                assertThatThrownBy(h::await).isInstanceOf(GenerationCancelledException.class);
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (cancelled.size() < 20 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
        }
        assertThat(cancelled).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void interruptedThread_submitsNothing() {
        AtomicInteger calls = new AtomicInteger();
        try (SeedreamClient client = SeedreamClient.builder().provider(provider((call, context) -> {
            calls.incrementAndGet();
            return paintAfter(context, 0);
        })).build()) {
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> client.generate(REQUEST)).isInstanceOf(GenerationCancelledException.class)
                        .hasMessage("the calling thread is interrupted, so nothing was sent to provider test; clear "
                                + "the interrupt before generating");
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
        assertThat(calls).hasValue(0);
    }

    @Test
    void futureCompletedFromOutside_cancelsTheJobWritesNothingAndEndsWithOneFinalEvent(@TempDir Path dir)
            throws Exception {
        for (String how : List.of("orTimeout", "completeExceptionally", "complete")) {
            List<String> cancelled = new CopyOnWriteArrayList<>();
            List<GenerationEvent> events = new CopyOnWriteArrayList<>();
            ImageProviderFactory slow = provider((call, context) -> {
                context.progress().submitted("job");
                context.onCancel(() -> cancelled.add("job"));
                return paintAfter(context, 300);
            });
            try (SeedreamClient client = SeedreamClient.builder().provider(slow).listener(events::add).build()) {
                CompletableFuture<GenerationResult> f = client.generateAsync(REQUEST,
                        ImageDestination.directory(dir, how, false));
                switch (how) {
                    case "orTimeout" -> f.orTimeout(1, TimeUnit.MILLISECONDS);
                    case "completeExceptionally" -> f.completeExceptionally(new TimeoutException("gave up"));
                    default -> f.complete(null);
                }
                Thread.sleep(600);
            }
            assertThat(cancelled).as(how).containsExactly("job");
            assertThat(dir.resolve(how + ".png")).as(how).doesNotExist();
            assertThat(events.stream().filter(e -> e instanceof GenerationEvent.Completed
                    || e instanceof GenerationEvent.Failed || e instanceof GenerationEvent.Cancelled)).as(how)
                    .hasSize(1);
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    // ---- lifecycle: close() and deadlines finish what they started

    @Test
    void closeRacingSubmitters_completesEveryFutureHandedOut() throws Exception {
        for (int round = 0; round < RACES; round++) {
            SeedreamClient client = SeedreamClient.builder().provider(provider((call, context) -> paintAfter(context,
                    5))).timeout(Duration.ofSeconds(30)).build();
            List<CompletableFuture<GenerationResult>> futures = new CopyOnWriteArrayList<>();
            ExecutorService submitters = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            for (int t = 0; t < 8; t++) {
                submitters.execute(() -> {
                    try {
                        go.await();
                        for (int i = 0; i < 50; i++) {
                            futures.add(client.generateAsync(REQUEST));
                        }
                    } catch (GenerationCancelledException | InterruptedException e) {
                        // the client closed under us: refusing is the right answer
                    }
                });
            }
            go.countDown();
            Thread.sleep(round % 5);
            client.close();
            submitters.shutdown();
            assertThat(submitters.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> all = CompletableFuture.allOf(futures.stream()
                    .map(f -> f.handle((r, e) -> null)).toArray(CompletableFuture[]::new));
            all.get(Engine.CLOSE_GRACE.toMillis() + 1000, TimeUnit.MILLISECONDS);
            for (CompletableFuture<GenerationResult> f : futures) {
                assertThat(f).isDone();
                if (f.isCompletedExceptionally()) {
                    assertThatThrownBy(f::join).hasCauseInstanceOf(GenerationCancelledException.class);
                }
            }
        }
    }

    @Test
    void listenerBlockingOnATimeout_doesNotStallAnotherGeneration() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ImageProviderFactory p = provider((call, context) -> call.request().prompt().text().equals("hang")
                ? new CompletableFuture<>() : paintAfter(context, 0));
        try (SeedreamClient client = SeedreamClient.builder().provider(p).timeout(Duration.ofMillis(200))
                .listener(e -> {
                    if (e instanceof GenerationEvent.Failed f && f.error() instanceof GenerationTimeoutException) {
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException ie) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }).build()) {
            client.generateAsync(REQUEST.toBuilder().prompt("hang").build());
            Thread.sleep(400);
            // the first generation's listener is stuck in Failed; an unrelated one still completes
            assertThat(client.generate(REQUEST).images()).hasSize(1);
        } finally {
            release.countDown();
        }
    }

    @Test
    void reentrantListener_generatingOnCompleted_doesNotDeadlock() throws Exception {
        AtomicInteger inner = new AtomicInteger();
        SeedreamClient[] holder = new SeedreamClient[1];
        try (SeedreamClient client = SeedreamClient.builder().provider(provider((call, context) -> paintAfter(context,
                1))).timeout(Duration.ofSeconds(20)).listener(e -> {
                    if (e instanceof GenerationEvent.Completed c
                            && c.result().request().prompt().text().equals("outer")) {
                        holder[0].generate(REQUEST);
                        inner.incrementAndGet();
                    }
                }).build()) {
            holder[0] = client;
            List<CompletableFuture<GenerationResult>> outer = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                outer.add(client.generateAsync(REQUEST.toBuilder().prompt("outer").build()));
            }
            for (CompletableFuture<GenerationResult> f : outer) {
                assertThat(f.get(20, TimeUnit.SECONDS).images()).hasSize(1);
            }
        }
        assertThat(inner).hasValue(64);
    }

    @Test
    void errorsThrownByListeners_neverHangOrEscape() throws Exception {
        for (Class<? extends GenerationEvent> on : List.of(GenerationEvent.Validated.class,
                GenerationEvent.Submitted.class, GenerationEvent.ImageFetched.class, GenerationEvent.Completed.class)) {
            ImageProviderFactory p = provider((call, context) -> {
                context.progress().submitted("job");
                return paintAfter(context, 0);
            });
            try (SeedreamClient client = SeedreamClient.builder().provider(p).timeout(Duration.ofSeconds(10))
                    .listener(e -> {
                        if (on.isInstance(e)) {
                            throw new OutOfMemoryError("listener ran out of memory on " + on.getSimpleName());
                        }
                    }).build()) {
                assertThat(client.generateAsync(REQUEST).get(5, TimeUnit.SECONDS).images()).as(on.getSimpleName())
                        .hasSize(1);
            }
        }
    }

    @Test
    void timeoutsTooLargeToCompute_areRefusedByTheBuilder() {
        for (Duration d : List.of(Duration.ofDays(106_752), ChronoUnit.FOREVER.getDuration())) {
            assertThatThrownBy(() -> SeedreamClient.builder().timeout(d)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("is longer than the most a generation may take, PT168H (7 days)");
        }
    }

    @Test
    void deadlineRace_theFileSystemAgreesWithTheOutcome(@TempDir Path dir) throws Exception {
        int successes = 0;
        int timeouts = 0;
        for (int i = 0; i < RACES * 5; i++) {
            long latency = 40 + (i % 21);
            AtomicInteger sent = new AtomicInteger();
            try (SeedreamClient client = SeedreamClient.builder().provider(provider((call, context) -> {
                sent.incrementAndGet();
                return paintAfter(context, latency);
            })).timeout(Duration.ofMillis(50)).build()) {
                Path target = dir.resolve("img" + i + ".png");
                try {
                    client.generate(REQUEST, ImageDestination.directory(dir, "img" + i, false));
                    assertThat(target).exists();
                    successes++;
                } catch (GenerationTimeoutException e) {
                    assertThat(target).doesNotExist();
                    // on a loaded machine the deadline can pass before the call is even handed to the provider
                    assertThat(e.requestMayHaveBeenAccepted()).isEqualTo(sent.get() > 0);
                    timeouts++;
                }
            }
        }
        assertThat(successes + timeouts).isEqualTo(RACES * 5);
        try (Stream<Path> parts = Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".part"))) {
            assertThat(parts).isEmpty();
        }
    }

    // ---- files

    @Test
    void neverOverwrite_isDecidedAtomically(@TempDir Path dir) throws Exception {
        GeneratedImage image;
        try (SeedreamClient client = SeedreamClient.builder().provider(provider((call, context) -> paintAfter(context,
                0))).build()) {
            image = client.generate(REQUEST).image();
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < RACES * 2; round++) {
                Path target = dir.resolve("same-" + round + ".png");
                CountDownLatch go = new CountDownLatch(1);
                List<CompletableFuture<Boolean>> writers = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    writers.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            go.await();
                            image.writeTo(target, false);
                            return true;
                        } catch (UncheckedIOException e) {
                            return false;
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }, pool));
                }
                go.countDown();
                long won = writers.stream().filter(CompletableFuture::join).count();
                assertThat(won).as("round " + round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDanglingSymlinkAtTheName_countsAsExisting(@TempDir Path dir) throws Exception {
        Files.createSymbolicLink(dir.resolve("fox.png"), dir.resolve("nowhere.png"));
        try (SeedreamClient client = SeedreamClient.builder().provider(provider((call, context) -> paintAfter(context,
                0))).build()) {
            assertThatThrownBy(() -> client.generate(REQUEST, ImageDestination.directory(dir, "fox", false)))
                    .isInstanceOf(ImageDownloadException.class).hasMessageContaining("already exists");
        }
        assertThat(Files.isSymbolicLink(dir.resolve("fox.png"))).isTrue();
    }

    @Test
    void localWriteFailure_saysItIsLocalAndNamesThePath(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        try (SeedreamClient client = SeedreamClient.builder().provider(provider((call, context) -> paintAfter(context,
                0))).build()) {
            assertThatThrownBy(() -> client.generate(REQUEST, ImageDestination.directory(notADirectory, "fox", false)))
                    .isInstanceOf(ImageDownloadException.class)
                    .hasMessageContaining("writing it on this machine failed at " + notADirectory)
                    .hasMessageContaining("this is a local problem")
                    .hasMessageNotContaining("reading the image from the provider");
        }
    }

    @Test
    void staleTemporaryFilesOfAKilledRun_areRemovedByTheNextWriteToTheName(@TempDir Path dir) throws Exception {
        Path stale = Files.writeString(dir.resolve(".fox.png.0123abcd.part"), "half an image");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(AtomicFiles.STALE).minusSeconds(60)));
        Path fresh = Files.writeString(dir.resolve(".fox.png.89abcdef.part"), "being written right now");
        try (SeedreamClient client = SeedreamClient.builder().provider(provider((call, context) -> paintAfter(context,
                0))).build()) {
            client.generate(REQUEST, ImageDestination.directory(dir, "fox", false));
        }
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(dir.resolve("fox.png")).exists();
    }

    @Test
    void staleTemporaryFilesOfOtherNames_areRemovedToo_andOnlyTemporaryFiles(@TempDir Path dir) throws Exception {
        Path staleOther = old(Files.writeString(dir.resolve(".hare.png.fedcba9876543210.part"), "half of another"));
        List<Path> notOurs = new ArrayList<>();
        for (String name : List.of("notes.part", ".hare.png.part", ".hare.png.xyz.part", ".hare.png.0123abcd.partial",
                "hare.png.0123abcd.part")) {
            notOurs.add(old(Files.writeString(dir.resolve(name), "someone else's")));
        }
        try (SeedreamClient client = SeedreamClient.builder().provider(provider((call, context) -> paintAfter(context,
                0))).build()) {
            client.generate(REQUEST, ImageDestination.directory(dir, "fox", false));
        }
        assertThat(staleOther).doesNotExist();
        assertThat(notOurs).allMatch(Files::exists);
    }

    @Test
    void aDirectoryIsLookedThroughOncePerStaleInterval_notOncePerImage(@TempDir Path dir) throws Exception {
        try (SeedreamClient client = SeedreamClient.builder().provider(provider((call, context) -> paintAfter(context,
                0))).build()) {
            client.generate(REQUEST, ImageDestination.directory(dir, "fox", false));
            Path staleSinceThen = old(Files.writeString(dir.resolve(".hare.png.0123abcd.part"), "half an image"));

            client.generate(REQUEST, ImageDestination.directory(dir, "hare", false));

            assertThat(staleSinceThen).as("the directory was looked through by the first write").exists();
        }
    }

    /** {@code file}, last modified longer ago than a temporary file is kept. */
    private static Path old(Path file) throws IOException {
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(AtomicFiles.STALE).minusSeconds(60)));
        return file;
    }

    // ---- values and settings

    @Test
    void mixedCurrenciesAfterPayment_keepTheImagesAndWarn() {
        @SuppressWarnings({"unchecked", "rawtypes"}) // a one-element holder the lambda below fills
        CompletableFuture<ProviderResult>[] answer = new CompletableFuture[1];
        AtomicInteger call = new AtomicInteger();
        ImageProvider p = (c, context) -> {
            context.images().store(PNG.clone(), "image/png", null);
            return CompletableFuture.completedFuture(ProviderResult.builder()
                    .reportedCost("0.03", call.getAndIncrement() == 0 ? "USD" : "EUR").build());
        };
        try (SeedreamClient client = SeedreamClient.builder().provider(provider(p, "EUR")).build()) {
            GenerationResult r = client.generate(REQUEST.withCount(2));
            assertThat(r.images()).hasSize(2);
            assertThat(r.charge().isEstimated()).isTrue();
            assertThat(r.warnings()).extracting(Warning::code).contains(Warning.COST_NOT_COMBINED);
        }
        assertThat(answer[0]).isNull();
    }

    @Test
    void implausibleReportedCosts_becomeAWarningNotAFailure() {
        for (String reported : List.of("-1", "1E+2147483647", "lots", "1e100000000")) {
            ImageProvider p = (c, context) -> {
                context.images().store(PNG.clone(), "image/png", null);
                return CompletableFuture.completedFuture(ProviderResult.builder().reportedCost(reported, "USD").build());
            };
            try (SeedreamClient client = SeedreamClient.builder().provider(provider(p, "USD")).build()) {
                GenerationResult r = client.generate(REQUEST);
                assertThat(r.images()).as(reported).hasSize(1);
                assertThat(r.charge()).as(reported).isEqualTo(Charge.estimated(Cost.usd("0.01")));
                assertThat(r.warnings()).as(reported).extracting(Warning::code).contains(Warning.IMPLAUSIBLE_COST);
            }
        }
    }

    @Test
    void hugeNumbers_areRefusedQuicklyWithAClearError() {
        assertThatThrownBy(() -> Cost.usd("1e100000000")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("is out of range");
        assertThatThrownBy(() -> Cost.usd("1e2147483647")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("is out of range");
        assertThatThrownBy(() -> PriceModel.parse("1e2000000000/image")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Cost.usd("1".repeat(100))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("is too long (100 characters)");
    }

    @Test
    void baseUrls_areValidatedCompletelyAndTheirUserInfoIsNeverPrinted() {
        SettingKey url = SettingKey.optional("base-url", "the API", "https://api.example.com/v1");
        assertThat(ProviderSettings.of("p", Map.of("base-url", "HTTPS://API.Example.com/v1/")).uri(url))
                .hasToString("https://api.example.com/v1");
        assertThatThrownBy(() -> ProviderSettings.of("p", Map.of("base-url", "https://me:hunter2@api.example.com/v1"))
                .uri(url)).isInstanceOf(ConfigurationException.class).hasMessageNotContaining("hunter2")
                .hasMessageContaining("holds a user name or password before the host");
        assertThatThrownBy(() -> ProviderSettings.of("p", Map.of("base-url", "ftp://api.example.com")).uri(url))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("expected an absolute http or https URL");
    }

    @Test
    void secretsWithLineEndings_areRefusedWithoutShowingThem() {
        SettingKey key = SettingKey.required("api-key", "the key").asSecret();
        assertThatThrownBy(() -> ProviderSettings.of("p", Map.of("api-key", "s3cr3t-canary\r")).secret(key))
                .isInstanceOf(ConfigurationException.class).hasMessageNotContaining("s3cr3t")
                .hasMessageContaining("ends with a line break (the value is not shown)");
        assertThatThrownBy(() -> ProviderSettings.of("p", Map.of("api-key", "s3cr3t\r-canary")).secret(key))
                .isInstanceOf(ConfigurationException.class).hasMessageNotContaining("s3cr3t")
                .hasMessageContaining("holds a carriage return (CR) at position 7 (the value is not shown)");
    }

    @Test
    void promptsOfInvisibleCharacters_areBlank() {
        assertThatThrownBy(() -> Prompt.of("\u200B\u00A0")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("prompt must not be blank: describe the image to generate");
    }

    @Test
    void closeFromListeners_neitherThrowsRawNorWaitsForItself() throws Exception {
        SeedreamClient[] holder = new SeedreamClient[1];
        SeedreamClient client = SeedreamClient.builder().provider(provider((call, context) -> paintAfter(context, 0)))
                .listener(e -> {
                    if (e instanceof GenerationEvent.Validated) {
                        holder[0].close();
                    }
                }).build();
        holder[0] = client;
        assertThatThrownBy(() -> client.generateAsync(REQUEST)).isInstanceOf(GenerationCancelledException.class)
                .hasMessageContaining("is closed");

        CompletableFuture<Long> closedIn = new CompletableFuture<>();
        SeedreamClient second = SeedreamClient.builder().provider(provider((call, context) -> paintAfter(context, 0)))
                .listener(e -> {
                    if (e instanceof GenerationEvent.Completed) {
                        long start = System.nanoTime();
                        holder[0].close();
                        closedIn.complete(System.nanoTime() - start);
                    }
                }).build();
        holder[0] = second;
        second.generate(REQUEST);
        assertThat(Duration.ofNanos(closedIn.get(5, TimeUnit.SECONDS))).isLessThan(Engine.CLOSE_GRACE);
    }
}
