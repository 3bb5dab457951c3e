package io.outboundcalls.command.credits;

import io.outboundcalls.events.credits.CreditsPurchasedEvent;

/**
 * A payment provider that charges nothing and records every purchase as paid: for development, or an
 * installation that sells credits out of band. Every purchase it pays names it ({@value #NAME}).
 */
public final class RecordOnlyPaymentProvider implements PaymentProvider {

    public static final String NAME = CreditsPurchasedEvent.RECORD_ONLY;

    @Override
    public String name() {
        return NAME;
    }

    /** The reference is derived from the transaction, so asking again for the same one answers the same. */
    @Override
    public Payment pay(String accountId, String transactionId, long credits) {
        return new Payment(true, NAME + ":" + transactionId, null);
    }
}
