package io.outboundcalls.command.contact;

import io.outboundcalls.events.contact.ContactStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the dialer as calls progress; a no-op when the status is already the same. */
public record ChangeContactStatusCommand(@TargetAggregateIdentifier String contactId, String accountId,
                                         ContactStatus status, String campaignId, String callId) {
}
