package io.outboundcalls.events.campaign;

/**
 * Everything a customer configures on a campaign; events carry it whole. {@code testMode}: dialed by the
 * simulator whatever provider is configured, and charged nothing (null in events stored before it existed).
 */
public record CampaignSettings(String name,
                               String agentId,
                               String contactListId,
                               CampaignSchedule schedule,
                               RetryRules retryRules,
                               int concurrentCalls,
                               String fromNumber,
                               Boolean testMode) {

    public CampaignSettings(String name, String agentId, String contactListId, CampaignSchedule schedule,
                            RetryRules retryRules, int concurrentCalls, String fromNumber) {
        this(name, agentId, contactListId, schedule, retryRules, concurrentCalls, fromNumber, null);
    }

    public boolean inTestMode() {
        return Boolean.TRUE.equals(testMode);
    }
}
