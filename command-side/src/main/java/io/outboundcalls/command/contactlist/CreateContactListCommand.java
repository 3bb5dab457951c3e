package io.outboundcalls.command.contactlist;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateContactListCommand(@TargetAggregateIdentifier String listId, String accountId, String name) {
}
