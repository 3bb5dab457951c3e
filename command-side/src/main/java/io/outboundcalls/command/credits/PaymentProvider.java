package io.outboundcalls.command.credits;

/**
 * The port through which a purchase is paid. {@link RecordOnlyPaymentProvider} takes no money; a real
 * adapter (a card processor) is a Spring bean selected with {@code outboundcalls.payments.provider}.
 * With no provider at all, purchases are disabled.
 */
public interface PaymentProvider {

    /** Stored on every purchase it pays and shown as {@code provider} in the ledger, e.g. {@code record_only}. */
    String name();

    /**
     * Takes the money for one purchase. Called only for a purchase the CreditAccount has accepted, and
     * called again with the same {@code transactionId} when a retry resumes a purchase whose outcome was
     * never recorded: the provider must treat it as its idempotency key and answer the first outcome
     * without charging twice. An exception means the outcome is unknown; the purchase stays pending.
     */
    Payment pay(String accountId, String transactionId, long credits);

    /** {@code reference} is the provider's id of the payment; {@code declineReason} is shown when {@code paid} is false. */
    record Payment(boolean paid, String reference, String declineReason) {
    }
}
