package io.outboundcalls.command.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteContactCommand(@TargetAggregateIdentifier String contactId, String accountId) {
}
