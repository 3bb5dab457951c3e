package io.outboundcalls.command.campaign;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record EndCampaignWaitingCommand(@TargetAggregateIdentifier String campaignId, String accountId) {
}
