package io.outboundcalls.events.credits;

import org.axonframework.serialization.Revision;

/**
 * A purchase accepted by the account and about to be paid through {@code provider}: no credits yet.
 * It ends as a {@link CreditsPurchasedEvent} (paid) or a {@link CreditPurchaseDeclinedEvent}.
 */
@Revision("1")
public record CreditPurchaseRequestedEvent(String creditAccountId, String accountId, String transactionId,
                                           long amount, String provider) {
}
