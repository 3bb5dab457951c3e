package io.outboundcalls.query.credits;

import java.time.Instant;

/**
 * One credit movement. {@code type}: purchase, reservation, charge, release, adjustment. {@code amount}
 * is the size of the movement (signed for adjustments); the figures after it are the account's running totals.
 * {@code provider} and {@code paymentReference} say who took the money for a purchase; null on every other type.
 */
public record CreditTransactionView(String id, String accountId, String type, long amount, long balanceAfter,
                                    long reservedAfter, String reservationId, String callId, String campaignId,
                                    String reason, String provider, String paymentReference, Instant createdAt) {

    public long availableAfter() {
        return balanceAfter - reservedAfter;
    }
}
