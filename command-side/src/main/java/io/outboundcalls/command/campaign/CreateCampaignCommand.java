package io.outboundcalls.command.campaign;

import io.outboundcalls.events.campaign.CampaignSettings;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateCampaignCommand(@TargetAggregateIdentifier String campaignId, String accountId, CampaignSettings settings) {
}
