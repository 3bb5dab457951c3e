package io.outboundcalls.command.campaign;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ResumeCampaignCommand(@TargetAggregateIdentifier String campaignId, String accountId) {
}
