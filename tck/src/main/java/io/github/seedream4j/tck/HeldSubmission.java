package io.github.seedream4j.tck;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The kit's handle on one submission that a provider's stub holds back, so the kit can give up on a generation
 * (cancel it, or let its deadline pass) while the provider still waits for its job id, and then see what the
 * provider does with a job id that arrives too late. Given to
 * {@link ImageProviderCompatibilityKit#holdSubmission(java.util.Map, HeldSubmission)}; the provider's test wires its
 * stub to it:
 *
 * <ul>
 *   <li>the stub's <em>submit</em> handler calls {@link #awaitRelease()}, which records the arrival, blocks until
 *       the kit releases the submission, and returns the job id to answer with;</li>
 *   <li>after that the job never finishes: status polls answer "still running";</li>
 *   <li>the stub's <em>cancel</em> handler calls {@link #cancelled(String)} with the job id it was asked to
 *       cancel.</li>
 * </ul>
 *
 * <p>Thread-safe: the stub calls it on its own threads, the kit on the test's.
 */
public final class HeldSubmission {

    private static final Duration HOLD_AT_MOST = Duration.ofSeconds(60);

    private final String jobId;
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch cancelledLatch = new CountDownLatch(1);
    private final List<String> cancelled = new CopyOnWriteArrayList<>();

    /**
     * A held submission that will be answered with {@code jobId}.
     *
     * @param jobId the job id the stub answers with once released, never {@code null}
     */
    public HeldSubmission(String jobId) {
        this.jobId = Objects.requireNonNull(jobId, "jobId");
    }

    /** {@return the job id the stub answers the submission with} */
    public String jobId() {
        return jobId;
    }

    // ------------------------------------------------------------------------------------- the stub's side

    /**
     * Called by the stub when the submission arrives: blocks until the kit releases it (at most 60 seconds, so a
     * forgotten test cannot hang the server), then returns the job id to answer with.
     *
     * @return {@link #jobId()}
     * @throws InterruptedException if the stub's thread is interrupted, for example when the server stops
     */
    public String awaitRelease() throws InterruptedException {
        arrived.countDown();
        released.await(HOLD_AT_MOST.toSeconds(), TimeUnit.SECONDS);
        return jobId;
    }

    /**
     * Called by the stub when the provider asks to cancel a job.
     *
     * @param jobId the job id in the cancel request, never {@code null}
     */
    public void cancelled(String jobId) {
        cancelled.add(Objects.requireNonNull(jobId, "jobId"));
        if (jobId.equals(this.jobId)) {
            cancelledLatch.countDown();
        }
    }

    // -------------------------------------------------------------------------------------- the kit's side

    /**
     * Waits until the submission reached the stub.
     *
     * @param timeout how long to wait at most
     * @return whether it arrived in time
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean awaitArrival(Duration timeout) throws InterruptedException {
        return arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the stub answer the submission with {@link #jobId()}. */
    public void release() {
        released.countDown();
    }

    /**
     * Waits until the provider asked to cancel {@link #jobId()}.
     *
     * @param timeout how long to wait at most
     * @return whether the cancel arrived in time
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean awaitCancel(Duration timeout) throws InterruptedException {
        return cancelledLatch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** {@return the job ids the provider asked to cancel so far, in order; a snapshot} */
    public List<String> cancelledJobIds() {
        return List.copyOf(cancelled);
    }

    @Override
    public String toString() {
        return "HeldSubmission[" + jobId + (arrived.getCount() == 0 ? ", arrived" : "")
                + (released.getCount() == 0 ? ", released" : "") + ", cancelled=" + cancelled + "]";
    }
}
