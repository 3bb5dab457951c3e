package io.outboundcalls.command.contact;

import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The contacts' repository: built as Axon's aggregate configuration builds an event-sourcing
 * repository (the aggregate model with the application's handler definition, the Spring aggregate
 * factory, a pessimistic lock per contact, no snapshots, no cache), as a {@link ContactRepository}
 * so that an import batch of 1,000 new contacts commits in linear time.
 */
@Configuration(proxyBeanMethods = false)
class ContactConfiguration {

    static final String REPOSITORY = "contactRepository";
    /** The prototype-bean factory Axon's Spring support registers for every aggregate, named after it. */
    private static final String AGGREGATE_FACTORY = "contactAggregateFactory";

    @Bean(REPOSITORY)
    ContactRepository contactRepository(org.axonframework.config.Configuration axon,
                                        @Qualifier(AGGREGATE_FACTORY) AggregateFactory<Contact> aggregateFactory) {
        return new ContactRepository(EventSourcingRepository.builder(Contact.class)
                .aggregateModel(AnnotatedAggregateMetaModelFactory.inspectAggregate(Contact.class,
                        axon.parameterResolverFactory(), axon.handlerDefinition(Contact.class)))
                .aggregateFactory(aggregateFactory)
                .lockFactory(PessimisticLockFactory.usingDefaults())
                .eventStore(axon.eventStore())
                .repositoryProvider(axon::repository)
                .spanFactory(axon.getComponent(RepositorySpanFactory.class)));
    }
}
