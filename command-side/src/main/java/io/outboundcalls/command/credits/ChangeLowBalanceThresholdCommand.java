package io.outboundcalls.command.credits;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets the number of available credits below which {@code credits.low} fires. */
public record ChangeLowBalanceThresholdCommand(@TargetAggregateIdentifier String creditAccountId, String accountId,
                                               long threshold) {
}
