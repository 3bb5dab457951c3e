package io.outboundcalls.webhooks.payload;

import io.outboundcalls.query.credits.CreditBalanceView;

/** The balance object: {@code GET /v1/credits/balance} and the data of {@code credits.low}. */
public record Balance(String object, long balance, long reserved, long available, long lowBalanceThreshold) {

    public static Balance of(CreditBalanceView view) {
        return new Balance("balance", view.balance(), view.reserved(), view.available(), view.lowBalanceThreshold());
    }
}
