package io.outboundcalls.query.call;

import io.outboundcalls.query.common.PageRequest;

/** Every filter is optional (null = any). */
public record ListCallsQuery(String accountId, String campaignId, String contactId, String agentId, String status,
                             String outcome, PageRequest page) {
}
