package io.outboundcalls.command.credits;

import io.outboundcalls.command.common.CommandRejectedException;

/** A confirmation or decline of a purchase that has already ended: each purchase is paid at most once. */
public class PurchaseNotPendingException extends CommandRejectedException {

    private final String transactionId;
    private final CreditPurchase.Status status;

    public PurchaseNotPendingException(String transactionId, CreditPurchase.Status status) {
        super(Kind.CONFLICT, "purchase_not_pending", "transaction_id",
                "Purchase '" + transactionId + "' is already " + status.name().toLowerCase(java.util.Locale.ROOT));
        this.transactionId = transactionId;
        this.status = status;
    }

    public String transactionId() {
        return transactionId;
    }

    public CreditPurchase.Status status() {
        return status;
    }
}
