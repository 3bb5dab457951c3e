package io.outboundcalls.events.contact;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ContactRemovedFromListEvent(String contactId, String accountId, String listId) {
}
