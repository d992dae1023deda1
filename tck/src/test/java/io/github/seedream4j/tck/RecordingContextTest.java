package io.github.seedream4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.ImageDownloadException;
import io.github.seedream4j.ImageFormat;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.Warning;
import io.github.seedream4j.spi.Blocking;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.tck.RecordingContext.Report;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordingContextTest {

    private final RecordingContext context = RecordingContext.create();

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void recordsImagesReportsAndLogs() {
        context.images().store(TestImages.png(32, 16), "image/png", null);
        context.progress().submitted("job-1");
        context.progress().polled("job-1", "IN_PROGRESS");
        context.progress().retried(2, Duration.ofMillis(500), "HTTP 429");
        context.progress().warn(Warning.of(Warning.SIZE_MISMATCH, "smaller"));
        context.logger().log(System.Logger.Level.INFO, "sent {0}", "job-1");

        assertThat(context.storedImages()).singleElement().satisfies(i -> {
            assertThat(i.format()).isEqualTo(ImageFormat.PNG);
            assertThat(i.declaredMediaType()).isEqualTo("image/png");
        });
        assertThat(context.reports()).containsExactly(new Report.Submitted("job-1"),
                new Report.Polled("job-1", "IN_PROGRESS"), new Report.Retried(2, Duration.ofMillis(500), "HTTP 429"),
                new Report.Warned(Warning.of(Warning.SIZE_MISMATCH, "smaller")));
        assertThat(context.jobIds()).containsExactly("job-1");
        assertThat(context.logged()).containsExactly("INFO sent job-1");
    }

    @Test
    void store_refusesBytesThatAreNoImage() {
        assertThatThrownBy(() -> context.images().store(new byte[] {1, 2, 3}, "image/png", null))
                .isInstanceOf(ImageDownloadException.class)
                .hasMessage("the 3 bytes stored are not a PNG, JPEG or WebP image");
    }

    @Test
    void cancel_runsEachActionOnceAndLaterOnesAtOnce() {
        List<String> ran = new CopyOnWriteArrayList<>();
        context.onCancel(() -> ran.add("before"));

        context.cancel();
        context.cancel();
        context.onCancel(() -> ran.add("after"));

        assertThat(context.isCancelled()).isTrue();
        assertThat(ran).containsExactly("before", "after");
        assertThatThrownBy(() -> context.images().store(TestImages.png(8, 8), null, null))
                .isInstanceOf(GenerationCancelledException.class);
    }

    @Test
    void cancel_interruptsABlockingStepRunByBlockingSupply() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        var step = Blocking.supply(context, () -> {
            started.countDown();
            Thread.sleep(60_000);
            return "slept";
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        context.cancel();

        assertThatThrownBy(() -> step.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(GenerationCancelledException.class);
    }

    @Test
    void callOf_takesTheRequestsSizeAndCount() {
        GenerationRequest request = GenerationRequest.of("a fox").withSize(ImageSize.exact(1024, 2048)).withCount(2);

        assertThat(RecordingContext.callOf(request)).isEqualTo(new ProviderCall(request, Resolution.of(1024, 2048),
                2, 0));
    }
}
