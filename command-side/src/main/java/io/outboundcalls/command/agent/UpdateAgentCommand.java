package io.outboundcalls.command.agent;

import io.outboundcalls.events.agent.AgentSettings;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * A partial update: only the settings named in {@code fields} (API names, e.g. "first_message")
 * change, taking their values from {@code changes}; metadata merges key by key.
 */
public record UpdateAgentCommand(@TargetAggregateIdentifier String agentId, String accountId,
                                 AgentSettings changes, Set<String> fields) {
}
