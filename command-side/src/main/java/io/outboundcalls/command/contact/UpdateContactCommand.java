package io.outboundcalls.command.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UpdateContactCommand(@TargetAggregateIdentifier String contactId, String accountId, ContactChanges changes) {
}
