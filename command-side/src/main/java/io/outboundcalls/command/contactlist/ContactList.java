package io.outboundcalls.command.contactlist;

import io.outboundcalls.command.common.OwnedBy;
import io.outboundcalls.events.contactlist.ContactListCreatedEvent;
import io.outboundcalls.events.contactlist.ContactListDeletedEvent;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * A named set of contacts that a campaign calls. Membership is recorded on each contact
 * (ContactAddedToListEvent), so importing a million contacts never contends on one list.
 * Commands arrive through {@link ContactListCommandHandler}, which keeps the list lookup table.
 */
@Aggregate
class ContactList {

    static final String RESOURCE = "contact list";

    @AggregateIdentifier
    private String listId;
    private String accountId;

    protected ContactList() {
    }

    ContactList(CreateContactListCommand command) {
        apply(new ContactListCreatedEvent(command.listId(), command.accountId(), command.name()));
    }

    void delete(DeleteContactListCommand command) {
        OwnedBy.check(accountId, command.accountId(), RESOURCE, listId);
        apply(new ContactListDeletedEvent(listId, accountId));
    }

    @EventSourcingHandler
    void on(ContactListCreatedEvent event) {
        listId = event.listId();
        accountId = event.accountId();
    }

    @EventSourcingHandler
    void on(ContactListDeletedEvent event) {
        markDeleted();
    }
}
