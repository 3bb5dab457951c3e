package io.outboundcalls.events.contact;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ContactDeletedEvent(String contactId, String accountId) {
}
