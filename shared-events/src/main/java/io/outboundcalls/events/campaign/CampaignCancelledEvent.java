package io.outboundcalls.events.campaign;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CampaignCancelledEvent(String campaignId, String accountId) {
}
