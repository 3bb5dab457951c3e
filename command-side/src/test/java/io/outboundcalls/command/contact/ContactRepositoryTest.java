package io.outboundcalls.command.contact;

import io.outboundcalls.events.contact.ContactCreatedEvent;
import io.outboundcalls.events.contact.ContactDetails;
import io.outboundcalls.events.contact.ContactStatus;
import io.outboundcalls.events.contact.ContactStatusChangedEvent;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contacts' repository loads a contact from all its events and never asks for a snapshot. */
class ContactRepositoryTest {

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final ContactRepository repository = new ContactRepository(EventSourcingRepository.builder(Contact.class)
            .aggregateModel(AnnotatedAggregateMetaModelFactory.inspectAggregate(Contact.class))
            .aggregateFactory(new GenericAggregateFactory<>(Contact.class))
            .eventStore(eventStore), eventStore);

    @AfterEach
    void shutDown() {
        eventStore.shutDown();
    }

    /** Were the snapshot read, the load would start after it, from an aggregate without the creation. */
    @Test
    void aSnapshotInTheStoreIsNotReadWhenAContactIsLoaded() {
        eventStore.publish(new GenericDomainEventMessage<>("Contact", "contact_1", 0, new ContactCreatedEvent("contact_1",
                "acct_1", new ContactDetails("+14155550101", "+14155550101", "Ada", null, null, java.util.Map.of()), null, false, List.of(), null)));
        eventStore.publish(new GenericDomainEventMessage<>("Contact", "contact_1", 1,
                new ContactStatusChangedEvent("contact_1", "acct_1", ContactStatus.OPTED_OUT, "camp_1", "call_1")));
        eventStore.storeSnapshot(new GenericDomainEventMessage<>("Contact", "contact_1", 1, "not a contact"));

        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            var contact = repository.load("contact_1");
            assertThat(contact.invoke(Contact::accountId)).isEqualTo("acct_1");
            assertThat(contact.invoke(Contact::isOptedOut)).isTrue();
        } finally {
            unitOfWork.rollback();
        }
    }
}
