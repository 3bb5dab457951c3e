package io.outboundcalls.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeApiKeyCommand(@TargetAggregateIdentifier String accountId, String keyId) {
}
