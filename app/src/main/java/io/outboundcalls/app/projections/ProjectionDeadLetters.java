package io.outboundcalls.app.projections;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives every read-model group (one whose handler classes are declared
 * {@link io.outboundcalls.query.common.ReadModel}, see {@link Rebuildability}) Axon's JDBC
 * dead-letter queue: an event a projection cannot handle is parked in
 * {@code eventstore.dead_letter_entry} with the rest of its sequence (same aggregate) instead of
 * stopping the whole processor; operators list and retry it under
 * {@code /admin/projections/:name/dead_letters}. No other group gets one: side-effecting groups
 * retry instead, and the command side's subscribing lookups must fail their command. A rebuild
 * clears the group's dead letters first, because the replay handles those events again.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionDeadLetters {

    @Bean
    ConfigurerModule projectionDeadLetterQueues(Rebuildability rebuildability, ConnectionProvider connectionProvider,
                                                TransactionManager transactionManager, DeadLetterSchema schema,
                                                Serializer genericSerializer,
                                                @Qualifier("eventSerializer") Serializer eventSerializer) {
        return configurer -> {
            for (String group : rebuildability.readModelGroups()) {
                configurer.eventProcessing()
                        .registerDeadLetterQueue(group, config -> JdbcSequencedDeadLetterQueue.builder()
                                .processingGroup(group)
                                .connectionProvider(connectionProvider)
                                .transactionManager(transactionManager)
                                .schema(schema)
                                .genericSerializer(genericSerializer)
                                .eventSerializer(eventSerializer)
                                .build())
                        .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                                (config, builder) -> builder.allowReset(true)
                                        // skips a dead-letter lookup per event while the group has none
                                        .enableSequenceIdentifierCache());
            }
        };
    }
}
