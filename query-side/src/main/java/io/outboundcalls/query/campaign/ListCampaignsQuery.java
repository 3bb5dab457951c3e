package io.outboundcalls.query.campaign;

import io.outboundcalls.query.common.PageRequest;

/** {@code status} and {@code agentId} are optional filters (null = any). */
public record ListCampaignsQuery(String accountId, String status, String agentId, PageRequest page) {
}
