package io.outboundcalls.query.campaign;

public record FindCampaignQuery(String accountId, String campaignId) {
}
