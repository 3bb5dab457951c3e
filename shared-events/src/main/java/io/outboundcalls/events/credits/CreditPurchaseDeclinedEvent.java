package io.outboundcalls.events.credits;

import org.axonframework.serialization.Revision;

/** The payment provider refused to pay a requested purchase: no credits were added. */
@Revision("1")
public record CreditPurchaseDeclinedEvent(String creditAccountId, String accountId, String transactionId,
                                          long amount, String provider, String reason) {
}
