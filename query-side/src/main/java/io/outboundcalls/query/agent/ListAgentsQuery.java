package io.outboundcalls.query.agent;

import io.outboundcalls.query.common.PageRequest;

/** A page of an account's agents, newest first; answered as the API's JSON object of each agent. */
public record ListAgentsQuery(String accountId, PageRequest page) {
}
