package io.github.seedream4j.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The body collector fed as the JDK client feeds it: buffers of any size, with or without an announced length. */
class BoundedBodyTest {

    private static final byte[] BODY = bytes(3 * 1024 * 1024 + 333);

    private final AtomicBoolean cancelled = new AtomicBoolean();

    @Test
    void anAnnouncedLength_isReadIntoOneArrayOfThatLength() {
        for (int chunk : new int[] {1, 7, 16 * 1024, BODY.length}) {
            BoundedBody b = subscribed(Long.MAX_VALUE, BODY.length);
            feed(b, BODY, chunk);

            assertThat(result(b)).as("chunks of %d", chunk).isEqualTo(BODY);
        }
    }

    @Test
    void anUnknownLength_isGatheredAndJoined() {
        for (int chunk : new int[] {1, 1000, 16 * 1024, BODY.length}) {
            BoundedBody b = subscribed(Long.MAX_VALUE, -1);
            feed(b, BODY, chunk);

            assertThat(result(b)).as("chunks of %d", chunk).isEqualTo(BODY);
        }
    }

    @Test
    void moreOrFewerBytesThanAnnounced_areKeptAsTheyCame() {
        byte[] small = bytes(100_000);
        BoundedBody over = subscribed(Long.MAX_VALUE, 70_000);
        feed(over, small, 4096);
        BoundedBody under = subscribed(Long.MAX_VALUE, 200_000);
        feed(under, small, 4096);

        assertThat(result(over)).isEqualTo(small);
        assertThat(result(under)).isEqualTo(small);
    }

    @Test
    void emptyBodies_areEmptyArrays() {
        BoundedBody announced = subscribed(10, 0);
        announced.onComplete();
        BoundedBody unknown = subscribed(10, -1);
        unknown.onComplete();

        assertThat(result(announced)).isEmpty();
        assertThat(result(unknown)).isEmpty();
    }

    @Test
    void theCapHolds_whateverLengthIsAnnounced() {
        for (long announced : new long[] {-1, 100, 1000}) {
            cancelled.set(false);
            BoundedBody b = subscribed(100, announced);
            b.onNext(List.of(ByteBuffer.wrap(bytes(60))));
            b.onNext(List.of(ByteBuffer.wrap(bytes(41))));

            assertThat(cancelled).as("announced %d", announced).isTrue();
            assertThat(b.getBody().toCompletableFuture()).failsWithin(java.time.Duration.ZERO)
                    .withThrowableThat().havingCause().isInstanceOf(BodyTooLargeException.class)
                    .withMessage("the answer is larger than 100 bytes, the most read");
        }
    }

    @Test
    void exactlyTheCap_isRead() {
        byte[] hundred = bytes(100);
        BoundedBody b = subscribed(100, -1);
        feed(b, hundred, 30);

        assertThat(result(b)).isEqualTo(hundred);
    }

    @Test
    void contentLength_thatIsNotANumber_isUnknown() {
        assertThat(BoundedBody.contentLength(" 42 ")).isEqualTo(42);
        assertThat(BoundedBody.contentLength("4x")).isEqualTo(-1);
        assertThat(BoundedBody.contentLength(null)).isEqualTo(-1);
    }

    private BoundedBody subscribed(long max, long announced) {
        BoundedBody b = new BoundedBody(max, announced);
        b.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
                cancelled.set(true);
            }
        });
        return b;
    }

    /** Feeds {@code body} in buffers of {@code chunk} bytes, two buffers a call as the JDK client may, and ends. */
    private static void feed(BoundedBody b, byte[] body, int chunk) {
        List<ByteBuffer> pair = new ArrayList<>();
        for (int at = 0; at < body.length; at += chunk) {
            pair.add(ByteBuffer.wrap(body, at, Math.min(chunk, body.length - at)).slice());
            if (pair.size() == 2) {
                b.onNext(List.copyOf(pair));
                pair.clear();
            }
        }
        if (!pair.isEmpty()) {
            b.onNext(pair);
        }
        b.onComplete();
    }

    private static byte[] result(BoundedBody b) {
        try {
            return b.getBody().toCompletableFuture().join();
        } catch (CompletionException e) {
            throw new AssertionError("the body failed", e.getCause());
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }
}
