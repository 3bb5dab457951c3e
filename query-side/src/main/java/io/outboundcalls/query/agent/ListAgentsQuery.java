package io.outboundcalls.query.agent;

import io.outboundcalls.query.common.PageRequest;

public record ListAgentsQuery(String accountId, PageRequest page) {
}
