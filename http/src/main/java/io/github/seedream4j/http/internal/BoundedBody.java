package io.github.seedream4j.http.internal;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into an array without blocking any thread, and gives up (cancelling the exchange) once it
 * passes a cap, so that a hostile or broken server cannot fill the heap.
 *
 * <p>Each byte is copied once from the client's buffers and, when the length is not announced, once more to join
 * the pieces: a body with {@code Content-Length} is read into one array of that length, which the first 64 KiB
 * must arrive to fill before the whole length is set aside (a server announcing a length it never sends costs
 * little); one without is gathered in pieces growing with the body and joined at the end. A doubling buffer
 * would allocate about six times a large body (a ModelArk answer with a 2K image in base64 is 4 MiB).
 */
public final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The first array of an announced length; a typical JSON answer fits whole. */
    static final int FIRST = 64 * 1024;
    /** Pieces of a body of unknown length grow with it, from this size ... */
    static final int SMALLEST_PIECE = 1024;
    /** ... to this one, so that the last piece's unused room stays small. */
    static final int LARGEST_PIECE = 1024 * 1024;
    private static final byte[] NONE = new byte[0];

    private final long max;
    /** The announced length, or -1 when it is unknown, not a number, or over the cap. */
    private final long announced;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    /** Full pieces before {@link #piece}, only when the body outgrows a first array. */
    private final List<byte[]> full = new ArrayList<>();
    private byte[] piece;
    private int filled;
    private long total;
    private Flow.Subscription subscription;

    BoundedBody(long max, long announced) {
        this.max = max;
        this.announced = announced >= 0 && announced <= Math.min(max, Integer.MAX_VALUE - 8) ? announced : -1;
        this.piece = this.announced < 0 ? NONE : new byte[(int) Math.min(this.announced, FIRST)];
    }

    /**
     * @param max the most bytes kept
     * @return a handler whose subscriber fails with {@link BodyTooLargeException} past {@code max} bytes
     */
    public static HttpResponse.BodyHandler<byte[]> handler(long max) {
        return info -> new BoundedBody(max, contentLength(info.headers().firstValue("Content-Length").orElse(null)));
    }

    /** {@return a {@code Content-Length} value, or -1 when there is none or it is not a length} */
    static long contentLength(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            if (total + b.remaining() > max) {
                subscription.cancel();
                body.completeExceptionally(new BodyTooLargeException(max));
                return;
            }
            while (b.hasRemaining()) {
                if (filled == piece.length) {
                    grow();
                }
                int n = Math.min(b.remaining(), piece.length - filled);
                b.get(piece, filled, n);
                filled += n;
                total += n;
            }
        }
    }

    /** Makes room in a full {@link #piece}. */
    private void grow() {
        if (full.isEmpty() && announced > piece.length) {
            // the server is sending what it announced: the rest of it goes into one array of the whole length
            piece = Arrays.copyOf(piece, (int) announced);
            return;
        }
        if (piece.length > 0) {
            full.add(piece);
        }
        piece = new byte[(int) Math.min(max - total, Math.max(SMALLEST_PIECE, Math.min(total, LARGEST_PIECE)))];
        filled = 0;
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        if (full.isEmpty()) {
            body.complete(filled == piece.length ? piece : Arrays.copyOf(piece, filled));
            return;
        }
        byte[] all = new byte[(int) total];
        int at = 0;
        for (byte[] p : full) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        System.arraycopy(piece, 0, all, at, filled);
        body.complete(all);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }
}
