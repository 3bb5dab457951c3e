package io.outboundcalls.query.agent;

import io.outboundcalls.events.agent.AgentSettings;

import java.time.Instant;

/** An agent as the read model holds it; {@code version} is the sequence number of its last event applied. */
public record AgentView(String id, String accountId, AgentSettings settings, Instant createdAt, Instant updatedAt,
                        long version) {
}
