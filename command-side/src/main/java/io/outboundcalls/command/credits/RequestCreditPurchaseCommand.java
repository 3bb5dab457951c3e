package io.outboundcalls.command.credits;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens a purchase of {@code amount} credits, to be paid through {@code provider}; {@code transactionId}
 * ({@code txn_…}) names it and is the provider's idempotency key. Answers the {@link CreditPurchase}:
 * asked again for a known transaction it changes nothing and answers where that purchase stands.
 */
public record RequestCreditPurchaseCommand(@TargetAggregateIdentifier String creditAccountId, String accountId,
                                           String transactionId, long amount, String provider) {
}
