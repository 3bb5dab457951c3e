package io.outboundcalls.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as a tracking processor should read it under a steady trickle of events: a
 * batch begins at most once per {@code interval} after a small one, so the events of that
 * interval share one transaction and one token update instead of one each.
 * <p>
 * A tracking processor takes whatever is available when it looks, and each batch costs a
 * transaction, a token update and the batch's fixed work whatever its size. Under the dialer's
 * load (events of one call every few milliseconds) nearly every batch held one event: a
 * processor wakes at each commit. Here a batch that follows a small one within {@code interval}
 * waits for the rest of it; the events committed meanwhile join the batch.
 * <ul>
 * <li>An idle processor is not delayed: its first event after a quiet spell starts a batch at once.</li>
 * <li>A backlog is not slowed: after a batch of {@code fullBatch} events or more the next starts at once
 *     (a replay, a catch-up).</li>
 * <li>So an event waits at most {@code interval} longer than before, and only while its processor is busy.</li>
 * </ul>
 * Axon's zero-timeout look ({@code hasNextAvailable()}, "has the segment caught up?") never waits.
 */
public final class PacedEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** How the stream waits; a test records the waits instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final StreamableMessageSource<TrackedEventMessage<?>> delegate;
    private final long intervalNanos;
    private final int fullBatch;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;

    public PacedEventSource(StreamableMessageSource<TrackedEventMessage<?>> delegate, Duration interval, int fullBatch) {
        this(delegate, interval, fullBatch, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    PacedEventSource(StreamableMessageSource<TrackedEventMessage<?>> delegate, Duration interval, int fullBatch,
                     LongSupplier nanoTime, Sleeper sleeper) {
        this.delegate = delegate;
        this.intervalNanos = interval.toNanos();
        this.fullBatch = fullBatch;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        BlockingStream<TrackedEventMessage<?>> stream = delegate.openStream(trackingToken);
        return intervalNanos <= 0 ? stream : new PacedStream(stream);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return delegate.createTokenSince(duration);
    }

    /** One processor thread's stream: its own batches are paced, nobody else's. */
    private final class PacedStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private boolean started;
        private long batchStart;
        private int taken;

        PacedStream(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (!stream.hasNextAvailable(timeout, unit)) {
                return false;
            }
            if (timeout > 0) { // a batch begins
                long now = nanoTime.getAsLong();
                long due = batchStart + intervalNanos;
                if (started && taken < fullBatch && due - now > 0) {
                    sleeper.sleep(due - now);
                    now = nanoTime.getAsLong();
                }
                started = true;
                batchStart = now;
                taken = 0;
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> next = stream.nextAvailable();
            taken++;
            return next;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
