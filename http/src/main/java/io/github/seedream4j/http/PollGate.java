package io.github.seedream4j.http;

import io.github.seedream4j.spi.GenerationContext;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A cap on the status calls of one provider instance, shared by all the generations it runs, so that a large batch
 * cannot trip the provider's rate limit by polling alone. Each poll, once its pause is over, takes the next free
 * slot; slots are {@code 1 / maxPerSecond} apart, so over any stretch of time the polls stay under the cap, with no
 * burst above it.
 *
 * <ul>
 *   <li><b>No thread waits.</b> {@link #schedule} waits on the generation's {@linkplain GenerationContext#scheduler()
 *       scheduler}: first the pause, then, if the next slot is later, until that slot.</li>
 *   <li><b>First come, first served.</b> Slots are handed out in the order polls ask for them, each when it asks,
 *       so no job starves: with {@code n} jobs waiting, none waits longer than {@code n / maxPerSecond} for its
 *       slot. Young jobs, which poll more often, take more slots, as the {@link PollSchedule} asks.</li>
 *   <li><b>Cancellation and the deadline.</b> A generation that is cancelled, or whose deadline passes, while it
 *       waits stops waiting at once, and its slot goes to the next poll that asks. A poll whose slot would come after
 *       its generation's deadline takes none: it waits for the deadline, when the client ends the generation, instead
 *       of holding a slot another job could use.</li>
 * </ul>
 *
 * <p>Create one per provider instance and use it for every status call of every generation: a gate per generation
 * caps nothing. Retries of a failed status call ({@link HttpCaller}) are spaced by their own backoff, not by the
 * gate. Thread-safe; the state is one atomic "next free slot" time and the slots handed back.
 */
public final class PollGate {

    /** The lowest cap, one status call every 100 seconds. */
    public static final double MIN_PER_SECOND = 0.01;

    /** The highest cap, a million status calls per second: above it, use {@link #unlimited()}. */
    public static final double MAX_PER_SECOND = 1_000_000;

    /** No slot: none before the latest time asked for. */
    static final long NONE = Long.MIN_VALUE;

    private static final PollGate UNLIMITED = new PollGate(0, 0, System::nanoTime);

    private final double maxPerSecond;
    private final long interval;
    private final LongSupplier clock;
    /** The time of the next free slot, on {@link #clock}; slots before it are taken. */
    private final AtomicLong next;
    /** Slots handed back by polls that no longer need them, all before {@link #next}. */
    private final ConcurrentSkipListSet<Long> returned = new ConcurrentSkipListSet<>();

    private PollGate(double maxPerSecond, long interval, LongSupplier clock) {
        this.maxPerSecond = maxPerSecond;
        this.interval = interval;
        this.clock = clock;
        this.next = new AtomicLong(clock.getAsLong());
    }

    /** {@return a gate that lets every poll through as soon as its pause is over} */
    public static PollGate unlimited() {
        return UNLIMITED;
    }

    /**
     * A gate that lets at most {@code maxPerSecond} status calls through per second.
     *
     * @param maxPerSecond from {@link #MIN_PER_SECOND} to {@link #MAX_PER_SECOND}, for example {@code 5} or
     *        {@code 0.5}
     * @return a new gate, to share by every generation of one provider instance
     * @throws IllegalArgumentException if {@code maxPerSecond} is outside that range or not a number
     */
    public static PollGate perSecond(double maxPerSecond) {
        return perSecond(maxPerSecond, System::nanoTime);
    }

    /** As {@link #perSecond(double)}, on {@code clock} (nanoseconds) instead of {@link System#nanoTime()}. */
    static PollGate perSecond(double maxPerSecond, LongSupplier clock) {
        if (!(maxPerSecond >= MIN_PER_SECOND && maxPerSecond <= MAX_PER_SECOND)) {
            throw new IllegalArgumentException("a poll gate takes " + MIN_PER_SECOND + " to " + (long) MAX_PER_SECOND
                    + " status calls per second, not " + maxPerSecond + "; use PollGate.unlimited() for no cap");
        }
        return new PollGate(maxPerSecond, Math.round(TimeUnit.SECONDS.toNanos(1) / maxPerSecond),
                Objects.requireNonNull(clock, "clock"));
    }

    /** {@return whether this gate lets every poll through} */
    public boolean isUnlimited() {
        return interval == 0;
    }

    /** {@return the cap in status calls per second, or empty when {@linkplain #isUnlimited() unlimited}} */
    public OptionalDouble maxPerSecond() {
        return isUnlimited() ? OptionalDouble.empty() : OptionalDouble.of(maxPerSecond);
    }

    /**
     * Runs {@code poll} on the context's scheduler once {@code pause} has passed and this gate has a slot for it,
     * or {@code ended} instead when the generation ends first. Exactly one of the two runs, once. No thread is held
     * while waiting.
     *
     * <p>{@code ended} runs when the generation is cancelled or its deadline passes while it waits (on the thread
     * that ends it, at once; on the calling thread when it had already ended), or when the scheduler refuses the
     * wait because the client is closing. A poll that would get its slot only after the generation's deadline
     * waits for the deadline, since the client then ends the generation; should it not, the poll takes the next
     * slot. Both actions should be short and should not throw: the scheduler or the client's cancellation runs
     * them, and what they throw is lost.
     *
     * @param context the generation's context, never {@code null}
     * @param pause the pause before asking for a slot, usually from a {@link PollSchedule}; never {@code null}, a
     *        negative pause counts as zero
     * @param poll sends the status call, never {@code null}
     * @param ended runs instead when the generation ended while waiting, never {@code null}
     * @throws NullPointerException if an argument is null
     */
    public void schedule(GenerationContext context, Duration pause, Runnable poll, Runnable ended) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(ended, "ended");
        Wait wait = new Wait(context, poll, ended);
        context.onCancel(wait::end);
        if (!wait.done.get()) {
            wait.after(Math.max(0, nanos(pause)));
        }
    }

    /**
     * Takes the earliest free slot at or after {@code now} and not after {@code latest}.
     *
     * @param now the time on this gate's clock
     * @param latest the latest acceptable slot, or {@link #NONE} for no limit
     * @return the slot's time, or {@link #NONE} when there is none by {@code latest}, in which case nothing is taken
     */
    long claim(long now, long latest) {
        for (Long slot = returned.pollFirst(); slot != null; slot = returned.pollFirst()) {
            if (slot - now >= 0) {
                if (latest == NONE || slot - latest <= 0) {
                    return slot;
                }
                returned.add(slot); // for a poll that can wait longer; every later slot is later still
                return NONE;
            }
            // a slot in the past is gone: unused capacity does not pile up into a burst
        }
        while (true) {
            long free = next.get();
            long slot = free - now < 0 ? now : free;
            if (latest != NONE && slot - latest > 0) {
                return NONE;
            }
            if (next.compareAndSet(free, slot + interval)) {
                return slot;
            }
        }
    }

    /**
     * Hands back a slot taken with {@link #claim} that will not be used, for the next poll that asks.
     *
     * @param slot the slot's time
     */
    void release(long slot) {
        if (!next.compareAndSet(slot + interval, slot)) {
            returned.add(slot);
        }
    }

    /** {@return {@code d} in nanoseconds, {@link Long#MAX_VALUE} for the durations too long to count so} */
    private static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** {@return the cap, for diagnostics: {@code PollGate[5.0/s]} or {@code PollGate[unlimited]}} */
    @Override
    public String toString() {
        return isUnlimited() ? "PollGate[unlimited]" : "PollGate[" + maxPerSecond + "/s]";
    }

    /** One poll waiting for its pause, then for its slot; ends once, by polling or by {@code ended}. */
    private final class Wait implements Runnable {
        private final GenerationContext context;
        private final Runnable poll;
        private final Runnable ended;
        private final AtomicBoolean done = new AtomicBoolean();
        private final AtomicLong held = new AtomicLong(NONE);
        private volatile Future<?> timer;
        /** Set once the slot is taken: the next wake-up polls. */
        private volatile boolean admitted;

        Wait(GenerationContext context, Runnable poll, Runnable ended) {
            this.context = context;
            this.poll = poll;
            this.ended = ended;
        }

        void after(long delayNanos) {
            try {
                timer = context.scheduler().schedule(this, delayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                end(); // the client is closing
            }
        }

        @Override
        public void run() {
            if (done.get()) {
                return;
            }
            if (context.isCancelled()) {
                end();
            } else if (admitted || isUnlimited()) {
                fire();
            } else {
                admit();
            }
        }

        private void admit() {
            long now = clock.getAsLong();
            long left = nanos(context.remaining());
            long latest = left <= 0 || now + left < now ? NONE : now + left;
            long slot = claim(now, latest);
            if (slot == NONE) {
                after(left); // the client ends the generation at its deadline; if not, the slot is taken then
                return;
            }
            if (slot - now <= 0) {
                fire();
                return;
            }
            held.set(slot);
            admitted = true;
            if (done.get()) {
                releaseHeld(); // ended meanwhile
                return;
            }
            after(slot - now);
        }

        private void fire() {
            if (done.compareAndSet(false, true)) {
                held.set(NONE);
                poll.run();
            }
        }

        /** Ends the wait without polling: the generation ended, or the scheduler refused. */
        void end() {
            if (done.compareAndSet(false, true)) {
                Future<?> t = timer;
                if (t != null) {
                    t.cancel(false);
                }
                releaseHeld();
                ended.run();
            }
        }

        private void releaseHeld() {
            long slot = held.getAndSet(NONE);
            if (slot != NONE && slot - clock.getAsLong() > 0) {
                release(slot);
            }
        }
    }
}
