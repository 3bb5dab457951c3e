package io.outboundcalls.app.projections;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Status, rebuild and dead letters of the processing groups. Positions are read from the token
 * store, not from this node's memory, so the answer is the same whichever node is asked and
 * whichever node owns the segments.
 */
@Component
class ProjectionOperations {

    record Rebuild(long position, long target, double progress) {
    }

    record Status(String name, String type, String state, Long position, Long maxPosition, long head, Long lag,
                  int segments, long deadLetters, boolean rebuildable, String rebuildRefusal, Rebuild rebuild) {
    }

    record StoredDeadLetter(String id, String sequenceIdentifier, long sequenceIndex, String eventType, String eventId,
                            String aggregateId, Long aggregateSequence, String causeType, String causeMessage,
                            Instant enqueuedAt, Instant lastTouched) {
    }

    record RetryResult(long sequencesBefore, int retried, int succeeded, long remaining) {
    }

    /** The tokens of one processor's segments, as stored. */
    private record Token(int segment, TrackingToken token) {
    }

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final HandlerSavepoints savepoints;
    private final Rebuildability rebuildability;

    ProjectionOperations(EventProcessingConfiguration processing, JdbcTemplate jdbc, Serializer serializer,
                         HandlerSavepoints savepoints, Rebuildability rebuildability) {
        this.rebuildability = rebuildability;
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.savepoints = savepoints;
    }

    List<Status> all() {
        long head = head();
        Map<String, Long> deadLetters = deadLetterCounts();
        List<Status> statuses = new ArrayList<>();
        new TreeMap<>(processing.eventProcessors()).forEach((name, processor) ->
                statuses.add(status(name, processor, head, deadLetters.getOrDefault(name, 0L))));
        return statuses;
    }

    Optional<Status> find(String name) {
        return processor(name).map(p -> status(name, p, head(), deadLetterCounts().getOrDefault(name, 0L)));
    }

    Optional<EventProcessor> processor(String name) {
        return Optional.ofNullable(processing.eventProcessors().get(name));
    }

    /**
     * Stops the processor on this node, resets its tokens (the reset handlers clear the tables
     * and the group's dead letters, in the same transaction as the new replay tokens) and starts it
     * again; the replay then runs in the background.
     *
     * @throws IllegalStateException when the group may not be rebuilt, or another node holds a segment
     */
    synchronized void rebuild(String name) {
        EventProcessor processor = processor(name).orElseThrow();
        String refusal = rebuildability.refusal(name, !(processor instanceof StreamingEventProcessor));
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
        StreamingEventProcessor streaming = (StreamingEventProcessor) processor;
        if (!streaming.supportsReset()) {
            throw new IllegalStateException("its handlers do not support a reset");
        }
        streaming.shutDown();
        try {
            streaming.resetTokens();
        } catch (UnableToClaimTokenException e) {
            throw new IllegalStateException("another node holds one of its segments; stop the group there first");
        } finally {
            streaming.start();
        }
    }

    List<StoredDeadLetter> deadLetters(String name, int limit) {
        return jdbc.query("""
                select deadLetterIdentifier, sequenceIdentifier, sequenceIndex, payloadType, eventIdentifier,
                       aggregateIdentifier, sequenceNumber, causeType, causeMessage, enqueuedAt, lastTouched
                from eventstore.dead_letter_entry where processingGroup = ?
                order by sequenceIdentifier, sequenceIndex limit ?""",
                (rs, i) -> new StoredDeadLetter(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), (Long) rs.getObject(7), rs.getString(8), rs.getString(9),
                        instant(rs.getString(10)), instant(rs.getString(11))),
                name, limit);
    }

    boolean hasDeadLetterQueue(String name) {
        return processing.deadLetterQueue(name).isPresent();
    }

    /** Processes every dead-lettered sequence once more; a sequence that fails again stays queued. */
    RetryResult retryDeadLetters(String name) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(name).orElseThrow();
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(name).orElseThrow();
        long before = queue.amountOfSequences();
        List<Object> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            boolean first = true;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (first) {
                    sequences.add(sequenceOf(letter));
                    first = false;
                }
                savepoints.isolate(letter.message().getIdentifier());
            }
        }
        int succeeded = 0;
        for (Object sequence : sequences) {
            if (processor.process(letter -> sequence.equals(sequenceOf(letter)))) {
                succeeded++;
            }
        }
        return new RetryResult(before, sequences.size(), succeeded, queue.amountOfSequences());
    }

    private static Object sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter instanceof org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter<?> jdbcLetter
                ? jdbcLetter.getSequenceIdentifier() : letter.message().getIdentifier();
    }

    private Status status(String name, EventProcessor processor, long head, long deadLetters) {
        if (processor instanceof SubscribingEventProcessor || !(processor instanceof StreamingEventProcessor streaming)) {
            return new Status(name, "subscribing", processor.isRunning() ? "running" : "stopped", null, null, head,
                    0L, 0, deadLetters, false, rebuildability.refusal(name, true), null);
        }
        List<Token> tokens = tokens(name, streaming);
        Long min = null;
        Long max = null;
        boolean replaying = false;
        long replayTarget = 0;
        for (Token t : tokens) {
            long position = positionOf(t.token());
            min = min == null ? position : Math.min(min, position);
            max = max == null ? position : Math.max(max, position);
            // Axon keeps the replay token until an event beyond the reset point arrives; once the
            // replay has reached that point, the history is rebuilt and the group is live again
            if (t.token() instanceof ReplayToken replay && position < positionOf(replay.getTokenAtReset())) {
                replaying = true;
            }
            if (t.token() instanceof ReplayToken replay) {
                replayTarget = Math.max(replayTarget, positionOf(replay.getTokenAtReset()));
            }
        }
        Long lag = min == null ? head : Math.max(0, head - min);
        String state;
        if (streaming.isError()) {
            state = "error";
        } else if (!streaming.isRunning()) {
            state = "stopped";
        } else if (replaying) {
            state = "replaying";
        } else if (lag == 0) {
            state = "caught_up";
        } else {
            state = "running";
        }
        Rebuild rebuild = null;
        if (replaying) {
            long position = min == null ? 0 : min;
            double progress = replayTarget <= 0 ? 1.0 : Math.min(1.0, (double) position / replayTarget);
            rebuild = new Rebuild(position, replayTarget, Math.round(progress * 1000) / 1000.0);
        }
        String refusal = rebuildability.refusal(name, false);
        return new Status(name, "streaming", state, min, max, head, lag, tokens.size(), deadLetters,
                refusal == null, refusal, rebuild);
    }

    /**
     * Every segment's token: this node's in-memory one for the segments it processes (the store
     * is only written per batch, and for an idle segment every few seconds), else the stored one.
     */
    private List<Token> tokens(String name, StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        return storedTokens(name).stream().map(stored -> {
            EventTrackerStatus status = local.get(stored.segment());
            return status == null || status.getTrackingToken() == null ? stored
                    : new Token(stored.segment(), status.getTrackingToken());
        }).toList();
    }

    private List<Token> storedTokens(String name) {
        return jdbc.query("select segment, token, tokenType from eventstore.token_entry where processorName = ? order by segment",
                (rs, i) -> {
                    byte[] bytes = rs.getBytes(2);
                    String type = rs.getString(3);
                    TrackingToken token = bytes == null || type == null ? null
                            : serializer.<byte[], TrackingToken>deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
                    return new Token(rs.getInt(1), token);
                }, name);
    }

    private static long positionOf(TrackingToken token) {
        if (token == null) {
            return 0;
        }
        OptionalLong position = token.position();
        return position.isPresent() ? position.getAsLong() : 0;
    }

    private long head() {
        Long head = jdbc.queryForObject("select max(globalIndex) from eventstore.domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private Map<String, Long> deadLetterCounts() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("select processingGroup, count(*) from eventstore.dead_letter_entry group by processingGroup",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    private static Instant instant(String stored) {
        return stored == null ? null : Instant.parse(stored);
    }
}
