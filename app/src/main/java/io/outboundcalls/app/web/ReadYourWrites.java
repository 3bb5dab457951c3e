package io.outboundcalls.app.web;

import io.outboundcalls.app.config.OutboundCallsProperties;
import io.outboundcalls.app.config.ProjectionProgress;
import io.outboundcalls.webhooks.payload.ReadModelFreshness;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes for an eventually consistent read model. After a command, the controller asks
 * to wait until a projection has processed the aggregate's latest event: we look up that event's
 * global index, then watch the processor's tracking token (in memory when this node owns the
 * segment, looked at again as each of its batches commits; in the token store when another node
 * does, read at growing pauses of 1 to 20 ms) until it covers the index. A bounded
 * wait: after {@code outboundcalls.read-your-writes} the answer goes out anyway. Webhook data is
 * rendered after the same wait ({@link ReadModelFreshness}).
 */
@Component
public class ReadYourWrites implements ReadModelFreshness {

    private static final long FIRST_PAUSE_NANOS = Duration.ofMillis(1).toNanos();
    private static final long MAX_PAUSE_NANOS = Duration.ofMillis(20).toNanos();

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final Serializer serializer;
    private final Duration timeout;
    private final ProjectionProgress progress;

    ReadYourWrites(JdbcTemplate jdbc, EventProcessingConfiguration processing, Serializer serializer,
                   OutboundCallsProperties properties, ProjectionProgress progress) {
        this.jdbc = jdbc;
        this.progress = progress;
        this.processing = processing;
        this.serializer = serializer;
        this.timeout = properties.readYourWrites();
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    /** @return true when the projection has caught up with the aggregate, false on timeout */
    @Override
    public boolean await(String processingGroup, String aggregateId) {
        Long index = jdbc.queryForObject(
                "select max(globalIndex) from eventstore.domain_event_entry where aggregateIdentifier = ?",
                Long.class, aggregateId);
        return index == null || awaitIndex(processingGroup, aggregateId, index);
    }

    /**
     * Waits until the projection has processed the event at global {@code index} of the given
     * aggregate (webhook payloads are rendered from read models at least as new as their event);
     * with a null {@code aggregateId}, until every segment of the projection has passed it.
     *
     * @return true when covered, false on timeout
     */
    @Override
    public boolean awaitIndex(String processingGroup, String aggregateId, long index) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            long seen = progress.version();
            Progress now = progress(processingGroup, aggregateId, index);
            if (now == Progress.PROCESSED) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            if (now == Progress.PENDING_HERE) {
                // this node's processor is behind: its next committed batch ends the wait at once
                progress.awaitMoveAfter(seen, Math.min(MAX_PAUSE_NANOS, left));
            } else {
                // another node's (or nobody's) segment: its progress is in the token store, read at growing pauses
                LockSupport.parkNanos(Math.min(pause, left));
                pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
            }
        }
    }

    private enum Progress { PROCESSED, PENDING_HERE, PENDING_ELSEWHERE }

    private Progress progress(String processingGroup, String aggregateId, long index) {
        Optional<StreamingEventProcessor> processor =
                processing.eventProcessor(processingGroup, StreamingEventProcessor.class);
        if (processor.isPresent()) {
            Collection<EventTrackerStatus> statuses = processor.get().processingStatus().values();
            if (aggregateId == null) {
                // every segment must have passed the index: the events of interest span all of them
                boolean allLocal = statuses.stream().mapToInt(st -> st.getSegment().getMask() + 1).findFirst()
                        .orElse(-1) == statuses.size();
                if (allLocal) {
                    return local(statuses.stream().allMatch(st -> covers(st.getTrackingToken(), index)));
                }
                return stored(processingGroup, index);
            }
            for (EventTrackerStatus status : statuses) {
                if (status.getSegment().matches(aggregateId)) {
                    return local(covers(status.getTrackingToken(), index));
                }
            }
        }
        return stored(processingGroup, index);
    }

    private static Progress local(boolean covered) {
        return covered ? Progress.PROCESSED : Progress.PENDING_HERE;
    }

    private Progress stored(String processingGroup, long index) {
        return storedTokensCover(processingGroup, index) ? Progress.PROCESSED : Progress.PENDING_ELSEWHERE;
    }

    /** The segment is owned by another node (or not yet claimed): read the token store. */
    private boolean storedTokensCover(String processingGroup, long index) {
        List<TrackingToken> tokens = jdbc.query(
                "select token, tokenType from eventstore.token_entry where processorName = ?",
                (rs, i) -> {
                    byte[] bytes = rs.getBytes(1);
                    String type = rs.getString(2);
                    return bytes == null || type == null ? null
                            : serializer.<byte[], TrackingToken>deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
                }, processingGroup);
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> covers(token, index));
    }

    static boolean covers(TrackingToken token, long index) {
        TrackingToken position = token == null ? null : WrappedToken.unwrapLowerBound(token);
        if (position instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= index && !gapAware.getGaps().contains(index);
        }
        if (position instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex() >= index;
        }
        return false;
    }
}
