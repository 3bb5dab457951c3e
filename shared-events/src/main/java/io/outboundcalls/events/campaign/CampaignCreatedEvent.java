package io.outboundcalls.events.campaign;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CampaignCreatedEvent(String campaignId, String accountId, CampaignSettings settings) {
}
