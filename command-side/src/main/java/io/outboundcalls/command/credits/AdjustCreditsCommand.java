package io.outboundcalls.command.credits;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An operator's signed correction of the balance, with the reason kept in the ledger. */
public record AdjustCreditsCommand(@TargetAggregateIdentifier String creditAccountId, String accountId,
                                   String transactionId, long amount, String reason) {
}
