package io.outboundcalls.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateApiKeyCommand(@TargetAggregateIdentifier String accountId, NewApiKey key) {
}
