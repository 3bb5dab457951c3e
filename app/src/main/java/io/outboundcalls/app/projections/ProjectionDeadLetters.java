package io.outboundcalls.app.projections;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotationUtils;

import java.util.Set;
import java.util.TreeSet;

/**
 * Gives every query-side projection (a {@code @ProcessingGroup} bean under
 * {@code io.outboundcalls.query}) Axon's JDBC dead-letter queue: an event a projection cannot
 * handle is parked in {@code eventstore.dead_letter_entry} with the rest of its sequence (same
 * aggregate) instead of stopping the whole processor; operators list and retry it under
 * {@code /admin/projections/:name/dead_letters}. Side-effecting groups never get one (see
 * {@link Rebuildability}), nor does anything outside the query side (the command side's
 * subscribing lookups must fail their command instead). A rebuild clears the group's dead letters
 * first, because the replay handles those events again.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionDeadLetters {

    @Bean
    ConfigurerModule projectionDeadLetterQueues(ListableBeanFactory beans, ConnectionProvider connectionProvider,
                                                TransactionManager transactionManager, DeadLetterSchema schema,
                                                Serializer genericSerializer,
                                                @Qualifier("eventSerializer") Serializer eventSerializer) {
        return configurer -> {
            for (String group : queryProjectionGroups(beans)) {
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

    static Set<String> queryProjectionGroups(ListableBeanFactory beans) {
        Set<String> groups = new TreeSet<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            Class<?> type = beans.getType(name);
            ProcessingGroup group = type == null ? null : AnnotationUtils.findAnnotation(type, ProcessingGroup.class);
            if (group != null && type.getPackageName().startsWith("io.outboundcalls.query")
                    && Rebuildability.refusal(group.value(), false) == null) {
                groups.add(group.value());
            }
        }
        return groups;
    }
}
