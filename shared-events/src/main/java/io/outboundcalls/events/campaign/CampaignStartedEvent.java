package io.outboundcalls.events.campaign;

import org.axonframework.serialization.Revision;

/** The campaign takes the list's members as they are now: {@code totalContacts} of them. */
@Revision("1")
public record CampaignStartedEvent(String campaignId, String accountId, String agentId, String contactListId,
                                   int totalContacts) {
}
