package io.outboundcalls.events.contact;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ContactCreatedEvent(String contactId, String accountId, ContactDetails details, ResolvedTimezone timezone, boolean doNotCall) {
}
