package io.outboundcalls.events.campaign;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CampaignPausedEvent(String campaignId, String accountId) {
}
