package io.outboundcalls.command.credits;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Holds {@code credits} for one call before it is dialed. Refused with
 * {@link InsufficientCreditsException} when {@code available} would go below zero.
 * The same {@code reservationId} twice is a no-op (a retried command must not double-reserve).
 */
public record ReserveCreditsCommand(@TargetAggregateIdentifier String creditAccountId, String accountId,
                                    String reservationId, long credits, String campaignId, String callId) {
}
