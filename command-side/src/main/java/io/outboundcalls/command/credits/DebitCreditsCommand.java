package io.outboundcalls.command.credits;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Settles a reservation once its call has ended: charges {@code billedSeconds} at the current
 * price (0 for a call that never connected) and releases the rest. Settling twice is a no-op.
 */
public record DebitCreditsCommand(@TargetAggregateIdentifier String creditAccountId, String accountId,
                                  String reservationId, long billedSeconds, String callId, String campaignId,
                                  String agentId) {
}
