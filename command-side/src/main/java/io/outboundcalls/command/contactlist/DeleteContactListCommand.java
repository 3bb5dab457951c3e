package io.outboundcalls.command.contactlist;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteContactListCommand(@TargetAggregateIdentifier String listId, String accountId) {
}
