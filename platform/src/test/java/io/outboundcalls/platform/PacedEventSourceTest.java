package io.outboundcalls.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

/** Batches as Axon's tracking processor reads them: a look with a timeout, then whatever is there. */
class PacedEventSourceTest {

    private static final long MS = 1_000_000;

    private final AtomicLong clock = new AtomicLong(1_000 * MS);
    private final List<Long> sleeps = new ArrayList<>();
    private final ArrayDeque<TrackedEventMessage<?>> queue = new ArrayDeque<>();
    private final List<TrackedEventMessage<?>> skipped = new ArrayList<>();
    private long index;

    private final StreamableMessageSource<TrackedEventMessage<?>> store = new StreamableMessageSource<>() {
        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
            return new BlockingStream<>() {
                @Override
                public Optional<TrackedEventMessage<?>> peek() {
                    return Optional.ofNullable(queue.peek());
                }

                @Override
                public boolean hasNextAvailable(int timeout, TimeUnit unit) {
                    return !queue.isEmpty();
                }

                @Override
                public TrackedEventMessage<?> nextAvailable() {
                    return queue.poll();
                }

                @Override
                public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignored) {
                    skipped.add(ignored);
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public TrackingToken createTailToken() {
            return new GlobalSequenceTrackingToken(-1);
        }
    };

    private final PacedEventSource paced = new PacedEventSource(store, Duration.ofMillis(10), 100, clock::get, nanos -> {
        sleeps.add(nanos);
        clock.addAndGet(nanos);
    });

    @Test
    void aSmallBatchIsFollowedByTheNextOnlyAfterTheInterval() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = paced.openStream(null);
        publish(1);
        assertThat(batch(stream)).isEqualTo(1);
        assertThat(sleeps).isEmpty(); // the first batch starts at once

        clock.addAndGet(3 * MS);
        publish(1);
        clock.addAndGet(1 * MS);
        assertThat(stream.hasNextAvailable(1000, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(sleeps).containsExactly(6 * MS); // 10 ms after the previous batch began
        publish(2); // committed while it waited: they join the batch
        assertThat(drain(stream)).isEqualTo(3);
    }

    @Test
    void aProcessorThatWasQuietStartsAtOnce() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = paced.openStream(null);
        publish(1);
        batch(stream);
        clock.addAndGet(25 * MS);
        publish(1);
        assertThat(batch(stream)).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aBacklogIsReadWithoutPauses() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = paced.openStream(null);
        publish(250);
        assertThat(batch(stream, 100)).isEqualTo(100);
        assertThat(batch(stream, 100)).isEqualTo(100);
        assertThat(batch(stream, 100)).isEqualTo(50);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void askingWhetherTheSegmentCaughtUpNeverWaits() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = paced.openStream(null);
        publish(1);
        batch(stream);
        publish(1);
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void anEmptyStoreIsNotWaitedFor() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = paced.openStream(null);
        publish(1);
        batch(stream);
        assertThat(stream.hasNextAvailable(1000, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void eachStreamIsPacedOnItsOwn() throws Exception {
        BlockingStream<TrackedEventMessage<?>> first = paced.openStream(null);
        BlockingStream<TrackedEventMessage<?>> second = paced.openStream(null);
        publish(1);
        batch(first);
        publish(1);
        assertThat(batch(second)).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aZeroIntervalLeavesTheStoreAlone() {
        BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null);
        BlockingStream<TrackedEventMessage<?>> unpaced = new PacedEventSource(store, Duration.ZERO, 100).openStream(null);
        assertThat(unpaced.getClass()).isEqualTo(stream.getClass());
    }

    @Test
    void skipsAndTokensReachTheStore() {
        BlockingStream<TrackedEventMessage<?>> stream = paced.openStream(null);
        TrackedEventMessage<?> event = event();
        stream.skipMessagesWithPayloadTypeOf(event);
        assertThat(skipped).containsExactly(event);
        assertThat(paced.createTailToken()).isEqualTo(new GlobalSequenceTrackingToken(-1));
    }

    private int batch(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        return batch(stream, 100);
    }

    /** As the tracking processor does: one look with a timeout, then what is there, up to the batch size. */
    private int batch(BlockingStream<TrackedEventMessage<?>> stream, int size) throws InterruptedException {
        if (!stream.hasNextAvailable(1000, TimeUnit.MILLISECONDS)) {
            return 0;
        }
        int n = 0;
        while (n < size && stream.peek().isPresent()) {
            stream.nextAvailable();
            n++;
        }
        return n;
    }

    private int drain(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        int n = 0;
        while (stream.peek().isPresent()) {
            stream.nextAvailable();
            n++;
        }
        return n;
    }

    private void publish(int n) {
        for (int i = 0; i < n; i++) {
            queue.add(event());
        }
    }

    private TrackedEventMessage<?> event() {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index++), GenericEventMessage.asEventMessage("e" + index));
    }
}
