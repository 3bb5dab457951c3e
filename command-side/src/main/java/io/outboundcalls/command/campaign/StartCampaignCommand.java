package io.outboundcalls.command.campaign;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record StartCampaignCommand(@TargetAggregateIdentifier String campaignId, String accountId) {
}
