package io.outboundcalls.command.agent;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteAgentCommand(@TargetAggregateIdentifier String agentId, String accountId) {
}
