package io.outboundcalls.command.credits;

/**
 * Where a purchase is paid. The default, {@link RecordOnlyPaymentProvider}, takes no money: it records
 * the purchase as paid. A real adapter (a card processor) replaces it as a Spring bean.
 */
public interface PaymentProvider {

    /** @param transactionId the ledger id of the purchase, usable as the provider's idempotency key */
    Payment pay(String accountId, String transactionId, long credits);

    /** {@code declineReason} is shown to the client when {@code paid} is false. */
    record Payment(boolean paid, String reference, String declineReason) {
    }
}
