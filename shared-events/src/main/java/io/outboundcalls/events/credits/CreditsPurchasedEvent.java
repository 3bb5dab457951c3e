package io.outboundcalls.events.credits;

import org.axonframework.serialization.Revision;

/**
 * Credits bought and paid; {@code balanceAfter} is the balance once they are added. {@code provider}
 * names the payment provider that took the money and {@code paymentReference} is that provider's
 * reference for the payment; both are null on events stored before they existed (every such purchase
 * went through the record-only provider).
 */
@Revision("1")
public record CreditsPurchasedEvent(String creditAccountId, String accountId, String transactionId, long amount,
                                    long balanceAfter, String provider, String paymentReference) {

    /** The provider that moves no money: credits recorded as paid. */
    public static final String RECORD_ONLY = "record_only";
}
