package io.outboundcalls.query.agent;

public record FindAgentQuery(String accountId, String agentId) {
}
