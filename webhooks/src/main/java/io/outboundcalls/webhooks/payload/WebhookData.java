package io.outboundcalls.webhooks.payload;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Helps webhook mappers render {@code data} as the API shows it: before reading a read model,
 * wait until that projection has processed the very event being published, so the object is
 * at least as new as the event (bounded by {@code outboundcalls.read-your-writes}).
 */
@Component
class WebhookData {

    private static final Logger log = LoggerFactory.getLogger(WebhookData.class);
    private static final long PAUSE_NANOS = Duration.ofMillis(5).toNanos();

    private final ReadModelFreshness freshness;
    private final Duration timeout;

    WebhookData(ReadModelFreshness freshness) {
        this.freshness = freshness;
        this.timeout = freshness.timeout();
    }

    void awaitProjection(EventMessage<?> event, String processingGroup, String aggregateId) {
        OptionalLong index = globalIndex(event);
        if (index.isPresent()) {
            freshness.awaitIndex(processingGroup, aggregateId, index.getAsLong());
        } else {
            freshness.await(processingGroup, aggregateId);
        }
    }

    /**
     * Reads the event's aggregate from a read model that keeps the aggregate's sequence number as
     * its version, re-reading until the row is at least as new as the event: a check on the row
     * itself, beside the wait on the projection's token. Bounded by the freshness timeout
     * ({@code outboundcalls.read-your-writes}); a row still older then is returned as it is, and logged.
     */
    <T> Optional<T> readAtLeastAsNewAs(EventMessage<?> event, Supplier<Optional<T>> read, ToLongFunction<T> version) {
        return catchUp(event, read.get(), read, version);
    }

    /** {@link #readAtLeastAsNewAs} when the caller has read the row once already ({@code row}). */
    <T> Optional<T> catchUp(EventMessage<?> event, Optional<T> row, Supplier<Optional<T>> read, ToLongFunction<T> version) {
        if (!(event instanceof DomainEventMessage<?> domain) || isAtLeast(row, version, domain.getSequenceNumber())) {
            return row;
        }
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (!isAtLeast(row, version, domain.getSequenceNumber()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(PAUSE_NANOS);
            row = read.get();
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        if (isAtLeast(row, version, domain.getSequenceNumber())) {
            log.info("Read model of {} was behind event {} (sequence {}) when first read; caught up after {} ms",
                    domain.getAggregateIdentifier(), domain.getPayloadType().getSimpleName(), domain.getSequenceNumber(),
                    waited.toMillis());
        } else {
            log.warn("Read model of {} still older than event {} (sequence {}) after {}", domain.getAggregateIdentifier(),
                    domain.getPayloadType().getSimpleName(), domain.getSequenceNumber(), timeout);
        }
        return row;
    }

    /** Whether the row is older than the event, which is a domain event of the row's aggregate. */
    static <T> boolean isOlderThan(T row, ToLongFunction<T> version, EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain && version.applyAsLong(row) < domain.getSequenceNumber();
    }

    private static <T> boolean isAtLeast(Optional<T> row, ToLongFunction<T> version, long sequence) {
        return row.isPresent() && version.applyAsLong(row.get()) >= sequence;
    }

    private static OptionalLong globalIndex(EventMessage<?> event) {
        if (event instanceof TrackedEventMessage<?> tracked) {
            TrackingToken token = tracked.trackingToken();
            if (token != null && token.position().isPresent()) {
                return OptionalLong.of(token.position().getAsLong());
            }
        }
        return OptionalLong.empty();
    }
}
