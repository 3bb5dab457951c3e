package io.outboundcalls.events.campaign;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CampaignResumedEvent(String campaignId, String accountId) {
}
