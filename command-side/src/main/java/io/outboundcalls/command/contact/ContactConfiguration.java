package io.outboundcalls.command.contact;

import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The contacts' repository: built as Axon's aggregate configuration builds an event-sourcing
 * repository (the aggregate model with the application's handler definition, a pessimistic lock
 * per contact, no snapshots, no cache), as a {@link ContactRepository} so that an import batch of
 * 1,000 new contacts commits in linear time and a load asks for no snapshot.
 * <p>
 * No cache, unlike calls and credit accounts: a command that changes nothing on a stale copy (a
 * status the copy already has) would append nothing, so the event store could not tell that the
 * copy was stale. The aggregate has no dependencies to inject, so it is constructed directly
 * rather than as a Spring prototype bean (a bean creation for every load, two per call placed).
 */
@Configuration(proxyBeanMethods = false)
class ContactConfiguration {

    static final String REPOSITORY = "contactRepository";

    @Bean(REPOSITORY)
    ContactRepository contactRepository(org.axonframework.config.Configuration axon) {
        EventStore eventStore = axon.eventStore();
        return new ContactRepository(EventSourcingRepository.builder(Contact.class)
                .aggregateModel(AnnotatedAggregateMetaModelFactory.inspectAggregate(Contact.class,
                        axon.parameterResolverFactory(), axon.handlerDefinition(Contact.class)))
                .aggregateFactory(new GenericAggregateFactory<>(Contact.class))
                .lockFactory(PessimisticLockFactory.usingDefaults())
                .eventStore(eventStore)
                .repositoryProvider(axon::repository)
                .spanFactory(axon.getComponent(RepositorySpanFactory.class)), eventStore);
    }
}
