package io.outboundcalls.command.credits;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds {@code amount} paid credits to the balance; {@code transactionId} ({@code txn_…}) names the ledger entry. */
public record PurchaseCreditsCommand(@TargetAggregateIdentifier String creditAccountId, String accountId,
                                     String transactionId, long amount) {
}
