package io.outboundcalls.events.contact;

import org.axonframework.serialization.Revision;

/** Carries the contact's complete details after the change. */
@Revision("1")
public record ContactUpdatedEvent(String contactId, String accountId, ContactDetails details, ResolvedTimezone timezone, boolean doNotCall) {
}
