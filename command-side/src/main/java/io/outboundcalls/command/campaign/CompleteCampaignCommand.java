package io.outboundcalls.command.campaign;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CompleteCampaignCommand(@TargetAggregateIdentifier String campaignId, String accountId) {
}
