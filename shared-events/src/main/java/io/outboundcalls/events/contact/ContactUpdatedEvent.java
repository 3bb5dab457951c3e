package io.outboundcalls.events.contact;

import org.axonframework.serialization.Revision;

/**
 * Carries the contact's complete details after the change, {@code doNotCallReason} with
 * {@code doNotCall} (events stored before 2026-12-01 lack it: read as {@code MARKED} when
 * {@code doNotCall}).
 */
@Revision("1")
public record ContactUpdatedEvent(String contactId, String accountId, ContactDetails details, ResolvedTimezone timezone, boolean doNotCall,
                                  DoNotCallReason doNotCallReason) {

    public ContactUpdatedEvent {
        doNotCallReason = !doNotCall ? null : doNotCallReason == null ? DoNotCallReason.MARKED : doNotCallReason;
    }

    public ContactUpdatedEvent(String contactId, String accountId, ContactDetails details, ResolvedTimezone timezone, boolean doNotCall) {
        this(contactId, accountId, details, timezone, doNotCall, null);
    }
}
