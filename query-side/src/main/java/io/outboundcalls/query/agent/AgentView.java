package io.outboundcalls.query.agent;

import io.outboundcalls.events.agent.AgentSettings;

import java.time.Instant;

public record AgentView(String id, String accountId, AgentSettings settings, Instant createdAt, Instant updatedAt) {
}
