package io.outboundcalls.events.contactlist;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ContactListDeletedEvent(String listId, String accountId) {
}
