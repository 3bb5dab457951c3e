package io.outboundcalls.events.contact;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A contact came to be, already a member of {@code listIds} (sorted). Events stored before
 * 2026-11-27 lack {@code listIds} (read as empty): each membership followed as its own
 * {@link ContactAddedToListEvent}, which remains the event for joining a list later.
 * {@code doNotCallReason} is set when {@code doNotCall} is: {@code OPTED_OUT} when the number
 * had opted out in the account before (the contact is then opted out from the start). Events
 * stored before 2026-12-01 lack it: a do-not-call contact of theirs was {@code MARKED}.
 */
@Revision("1")
public record ContactCreatedEvent(String contactId, String accountId, ContactDetails details, ResolvedTimezone timezone,
                                  boolean doNotCall, List<String> listIds, DoNotCallReason doNotCallReason) {

    public ContactCreatedEvent {
        listIds = listIds == null ? List.of() : List.copyOf(listIds);
        doNotCallReason = !doNotCall ? null : doNotCallReason == null ? DoNotCallReason.MARKED : doNotCallReason;
    }

    public ContactCreatedEvent(String contactId, String accountId, ContactDetails details, ResolvedTimezone timezone,
                               boolean doNotCall, List<String> listIds) {
        this(contactId, accountId, details, timezone, doNotCall, listIds, null);
    }
}
