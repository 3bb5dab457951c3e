package io.outboundcalls.events.campaign;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CampaignWaitingEndedEvent(String campaignId, String accountId) {
}
