package io.outboundcalls.command.credits;

/**
 * A purchase as its CreditAccount knows it: requested ({@code PENDING}, not paid yet), then
 * {@code COMPLETED} (paid, credits added) or {@code DECLINED} (nothing added). {@code provider} is null
 * for purchases completed before providers were recorded.
 */
public record CreditPurchase(long amount, String provider, Status status, String declineReason) {

    public enum Status { PENDING, COMPLETED, DECLINED }

    public boolean awaitsPayment() {
        return status == Status.PENDING;
    }
}
