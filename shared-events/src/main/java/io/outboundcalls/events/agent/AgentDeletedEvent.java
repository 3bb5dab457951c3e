package io.outboundcalls.events.agent;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AgentDeletedEvent(String agentId, String accountId) {
}
