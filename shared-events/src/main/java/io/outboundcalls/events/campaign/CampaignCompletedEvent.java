package io.outboundcalls.events.campaign;

import org.axonframework.serialization.Revision;

/** Every contact of the campaign is final (or the schedule's end date has passed). Fires once. */
@Revision("1")
public record CampaignCompletedEvent(String campaignId, String accountId) {
}
