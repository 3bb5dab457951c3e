package io.outboundcalls.events.campaign;

import org.axonframework.serialization.Revision;

/**
 * The dialer will not call this contact again in this campaign, without placing a call:
 * {@code reason} is {@code do_not_call}, {@code opted_out}, {@code deleted} or {@code schedule_ended}.
 */
@Revision("1")
public record CampaignContactSkippedEvent(String campaignId, String accountId, String contactId, String reason) {
}
