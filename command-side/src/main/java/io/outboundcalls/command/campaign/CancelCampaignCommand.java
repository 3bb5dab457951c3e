package io.outboundcalls.command.campaign;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelCampaignCommand(@TargetAggregateIdentifier String campaignId, String accountId) {
}
