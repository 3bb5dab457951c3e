package io.outboundcalls.events.agent;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AgentCreatedEvent(String agentId, String accountId, AgentSettings settings) {
}
