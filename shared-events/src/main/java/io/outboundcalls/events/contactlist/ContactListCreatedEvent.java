package io.outboundcalls.events.contactlist;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ContactListCreatedEvent(String listId, String accountId, String name) {
}
