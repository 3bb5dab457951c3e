package io.outboundcalls.command.agent;

import io.outboundcalls.events.agent.AgentSettings;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateAgentCommand(@TargetAggregateIdentifier String agentId, String accountId, AgentSettings settings) {
}
