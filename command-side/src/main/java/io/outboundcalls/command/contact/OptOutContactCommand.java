package io.outboundcalls.command.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent when a callee asks not to be called again. */
public record OptOutContactCommand(@TargetAggregateIdentifier String contactId, String accountId,
                                   String campaignId, String callId) {
}
