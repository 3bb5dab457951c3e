package io.outboundcalls.events.campaign;

/** Everything a customer configures on a campaign; events carry it whole. */
public record CampaignSettings(String name,
                               String agentId,
                               String contactListId,
                               CampaignSchedule schedule,
                               RetryRules retryRules,
                               int concurrentCalls,
                               String fromNumber) {
}
