package io.outboundcalls.events.contact;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ContactAddedToListEvent(String contactId, String accountId, String listId) {
}
