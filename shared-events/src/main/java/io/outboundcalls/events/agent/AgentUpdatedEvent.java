package io.outboundcalls.events.agent;

import org.axonframework.serialization.Revision;

/** Carries the agent's complete settings after the change. */
@Revision("1")
public record AgentUpdatedEvent(String agentId, String accountId, AgentSettings settings) {
}
