package io.outboundcalls.command.campaign;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record MarkCampaignWaitingCommand(@TargetAggregateIdentifier String campaignId, String accountId, String reason, Instant nextDialAt) {
}
