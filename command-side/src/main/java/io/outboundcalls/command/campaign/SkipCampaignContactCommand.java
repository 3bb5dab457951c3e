package io.outboundcalls.command.campaign;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SkipCampaignContactCommand(@TargetAggregateIdentifier String campaignId, String accountId, String contactId, String reason) {
}
