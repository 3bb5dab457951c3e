package io.outboundcalls.app.credits;

import io.outboundcalls.app.web.ApiGateway;
import io.outboundcalls.query.credits.CreditTransactionView;
import io.outboundcalls.query.credits.FindCreditTransactionQuery;

/** Reads shared by the customer and operator credit endpoints. */
final class CreditQueries {

    private CreditQueries() {
    }

    /** The ledger row of a movement just made; read-your-writes has waited for it. */
    static CreditTransactionView transaction(ApiGateway api, String accountId, String transactionId) {
        return api.findOne(new FindCreditTransactionQuery(accountId, transactionId), CreditTransactionView.class)
                .orElseThrow(() -> new IllegalStateException("Ledger entry " + transactionId + " not projected in time"));
    }
}
