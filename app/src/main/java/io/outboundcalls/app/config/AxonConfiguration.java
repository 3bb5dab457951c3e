package io.outboundcalls.app.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.outboundcalls.command.account.AccountRegistry;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon without Axon Server: the JDBC event store, token store and dead-letter queue in the
 * {@code eventstore} schema (tables created by Flyway, BIGSERIAL global index, BYTEA payloads),
 * Jackson on a private ObjectMapper so web JSON settings can never change stored events.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /** Events of one aggregate stay ordered within a segment; two segments (one thread each) project in parallel. */
    private static final int INITIAL_SEGMENTS = 2;
    /** One transaction per batch: large enough for fast replays, small enough to keep lag low. */
    private static final int BATCH_SIZE = 100;

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

    @Autowired
    void configureProcessors(EventProcessingConfigurer processing) {
        // Tracking processors, not pooled streaming ones: the embedded event store wakes a tracking
        // processor as soon as an event is committed in this JVM, whereas a pooled processor whose
        // stream offers no availability callback (the embedded store's does not) re-polls only every
        // 500 ms — which showed as ~500 ms on every read-your-writes wait and webhook.
        processing.usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(config -> TrackingEventProcessorConfiguration
                        .forParallelProcessing(INITIAL_SEGMENTS)
                        .andInitialSegmentsCount(INITIAL_SEGMENTS)
                        .andBatchSize(BATCH_SIZE))
                // a failing projection retries instead of silently skipping the event
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                // set-based lookups are written in the command's own transaction
                .registerSubscribingEventProcessor(AccountRegistry.PROCESSING_GROUP);
    }

    private static Serializer jackson(RevisionResolver revisionResolver) {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return JacksonSerializer.builder()
                .objectMapper(mapper)
                .revisionResolver(revisionResolver)
                .lenientDeserialization()
                .build();
    }
}
