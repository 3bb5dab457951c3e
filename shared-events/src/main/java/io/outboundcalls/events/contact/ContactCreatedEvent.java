package io.outboundcalls.events.contact;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A contact came to be, already a member of {@code listIds} (sorted). Events stored before
 * 2026-11-27 lack {@code listIds} (read as empty): each membership followed as its own
 * {@link ContactAddedToListEvent}, which remains the event for joining a list later.
 */
@Revision("1")
public record ContactCreatedEvent(String contactId, String accountId, ContactDetails details, ResolvedTimezone timezone,
                                  boolean doNotCall, List<String> listIds) {

    public ContactCreatedEvent {
        listIds = listIds == null ? List.of() : List.copyOf(listIds);
    }
}
