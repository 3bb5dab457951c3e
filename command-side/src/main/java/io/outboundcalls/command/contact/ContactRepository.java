package io.outboundcalls.command.contact;

import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.LockAwareAggregate;

import java.util.HashMap;
import java.util.Map;

/**
 * Axon's event-sourcing repository for contacts (see {@link ContactConfiguration}), with two
 * differences. A contact is loaded from its events without first asking for a snapshot (contacts
 * take none: the question was a round trip to the database for every load, two per call a
 * campaign places). And how it keeps track of the aggregates of a unit of work: when a unit of work commits,
 * Axon checks each of its aggregates for still being among them with {@link Map#containsValue},
 * which a {@link HashMap} answers by scanning every entry; an import batch creates 1,000 contacts
 * in one unit of work, so its commit made a million comparisons, which measured as more than half
 * of the cost of creating its contacts through the aggregate. The aggregates are kept by their
 * identifier, so looking an aggregate up by its own identifier gives the same answer at once.
 */
class ContactRepository extends EventSourcingRepository<Contact> {

    private final String managedAggregatesKey = this + "_MANAGED_AGGREGATES";
    private final EventStore eventStore;

    /** {@code builder} with this {@code eventStore}. */
    ContactRepository(EventSourcingRepository.Builder<Contact> builder, EventStore eventStore) {
        super(builder);
        this.eventStore = eventStore;
    }

    @Override
    protected DomainEventStream readEvents(String aggregateIdentifier) {
        return eventStore.readEvents(aggregateIdentifier, 0);
    }

    @Override
    protected Map<String, LockAwareAggregate<Contact, EventSourcedAggregate<Contact>>> managedAggregates(UnitOfWork<?> uow) {
        return uow.root().getOrComputeResource(managedAggregatesKey, key -> new ManagedAggregates<>());
    }

    /** The unit of work's aggregates by identifier, answering "is this aggregate among them?" by that identifier. */
    private static final class ManagedAggregates<A extends Aggregate<?>> extends HashMap<String, A> {

        @Override
        public boolean containsValue(Object value) {
            if (value instanceof Aggregate<?> aggregate) {
                String identifier = aggregate.identifierAsString();
                if (identifier != null && get(identifier) == value) {
                    return true;
                }
            }
            return super.containsValue(value); // not under its own identifier: Axon's answer, by scanning
        }
    }
}
