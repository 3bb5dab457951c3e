package io.outboundcalls.command.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the dialer when contacts joined the campaign's list: they become members of the campaign. */
public record EnrollCampaignContactsCommand(@TargetAggregateIdentifier String campaignId, String accountId) {
}
