package io.outboundcalls.command.campaign;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PauseCampaignCommand(@TargetAggregateIdentifier String campaignId, String accountId) {
}
