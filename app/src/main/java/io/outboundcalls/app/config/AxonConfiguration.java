package io.outboundcalls.app.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.outboundcalls.command.account.AccountRegistry;
import io.outboundcalls.command.common.TypeFilteredEventSource;
import io.outboundcalls.command.dialer.DialerEffects;
import io.outboundcalls.platform.PacedEventSource;
import io.outboundcalls.query.call.CallProjection;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Axon without Axon Server: the JDBC event store, token store and dead-letter queue in the
 * {@code eventstore} schema (tables created by Flyway, BIGSERIAL global index, BYTEA payloads),
 * Jackson on a private ObjectMapper so web JSON settings can never change stored events.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /**
     * Every tracking thread reads every event, and deciding that it has no handler for one costs
     * Axon a few stream pipelines: with two segments per group, the groups that ignore a
     * 100,000-row import spent more CPU on it than the contacts projection (the decision is now
     * cached per payload type, see TypeCachingEventProcessingModule). A new token store
     * gives each group one segment, except those under the dialer's load (several events per
     * call, 100+ calls/s), which project on two threads in parallel.
     */
    private static final int INITIAL_SEGMENTS = 1;
    private static final Set<String> TWO_SEGMENT_GROUPS = Set.of(CallProjection.PROCESSING_GROUP, DialerEffects.PROCESSING_GROUP);
    /** Token stores created before had two segments per group, which need a thread each. */
    private static final int THREADS = 2;
    /** One transaction per batch: large enough for fast replays, small enough to keep lag low. */
    private static final int BATCH_SIZE = 100;
    /** PostgreSQL's SQL state for a duplicate key. */
    private static final String UNIQUE_VIOLATION = "23505";
    /**
     * How long a stopping processor waits for its worker before interrupting it. A worker is normally
     * between batches within milliseconds; one waiting for a connection to a vanished database would
     * otherwise hold the shutdown for the pool's whole connection timeout.
     */
    private static final Duration WORKER_TERMINATION = Duration.ofSeconds(1);
    /**
     * Axon's own bound on each shutdown phase (5 s by default). A batch still running then is rolled
     * back when the pool closes and handled again at the next start, as after a crash (handlers are
     * idempotent).
     */
    private static final Duration LIFECYCLE_PHASE_TIMEOUT = Duration.ofSeconds(1);

    /** Replaces Axon's default module (its auto-configuration backs off); static, as this class configures it. */
    @Bean
    static EventProcessingModule eventProcessingModule() {
        return new TypeCachingEventProcessingModule();
    }

    /**
     * Axon's default resolver for JDBC only recognises {@code SQLIntegrityConstraintViolationException},
     * which pgjdbc never throws: a duplicate (aggregate, sequence) append, another node having
     * appended first, surfaced as a plain {@code EventStoreException} that the command gateway's
     * conflict retry never saw. PostgreSQL says {@code unique_violation} in the SQL state.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("eventstore.domain_event_entry")
                .snapshotTable("eventstore.snapshot_event_entry")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder().setTokenTable("eventstore.token_entry").build();
    }

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder().deadLetterTable("eventstore.dead_letter_entry").build();
    }

    @Bean
    @Primary
    Serializer serializer(RevisionResolver revisionResolver) {
        return jackson(revisionResolver);
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(RevisionResolver revisionResolver) {
        return jackson(revisionResolver);
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(RevisionResolver revisionResolver) {
        return jackson(revisionResolver);
    }

    @Bean
    ConfigurerModule boundedShutdownPhases() {
        return configurer -> configurer.configureLifecyclePhaseTimeout(LIFECYCLE_PHASE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * @param batchInterval how soon a tracking processor's batch may follow a small one
     *                      ({@link PacedEventSource}); 0 turns the pacing off
     */
    @Autowired
    void configureProcessors(EventProcessingConfigurer processing, ProjectionProgress progress,
                             @Value("${outboundcalls.projections.batch-interval:10ms}") Duration batchInterval) {
        // Tracking processors, not pooled streaming ones: the embedded event store wakes a tracking
        // processor as soon as an event is committed in this JVM, whereas a pooled processor whose
        // stream offers no availability callback (the embedded store's does not) re-polls only every
        // 500 ms — which showed as ~500 ms on every read-your-writes wait and webhook.
        processing.usingTrackingEventProcessors()
                .configureDefaultStreamableMessageSource(config -> new PacedEventSource(config.eventStore(), batchInterval, BATCH_SIZE))
                .registerTrackingEventProcessorConfiguration(config -> tracking(INITIAL_SEGMENTS, progress))
                // a failing projection retries instead of silently skipping the event
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
        // set-based lookups are written in the command's own transaction
        TypeFilteredEventSource.registerSubscribing(processing, AccountRegistry.PROCESSING_GROUP);
        TWO_SEGMENT_GROUPS.forEach(group -> processing.registerTrackingEventProcessorConfiguration(group, config -> tracking(2, progress)));
    }

    private static TrackingEventProcessorConfiguration tracking(int initialSegments, ProjectionProgress progress) {
        return TrackingEventProcessorConfiguration.forParallelProcessing(THREADS)
                // read-your-writes waiters look again as soon as a batch has committed
                .andEventTrackerStatusChangeListener(progress)
                .andInitialSegmentsCount(initialSegments)
                .andBatchSize(BATCH_SIZE)
                .andWorkerTerminationTimeout(WORKER_TERMINATION.toMillis());
    }

    static JacksonSerializer jackson(RevisionResolver revisionResolver) {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(mapper)
                .revisionResolver(revisionResolver)
                .lenientDeserialization()
                .build();
        mapper.registerModule(MetaDataReader.module());
        return serializer;
    }
}
