package io.outboundcalls.app.credits;

import io.outboundcalls.query.credits.CreditTransactionView;
import io.outboundcalls.query.credits.FindCreditTransactionQuery;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/** Reads shared by the customer and operator credit endpoints. */
final class CreditQueries {

    private CreditQueries() {
    }

    /** The ledger row of a movement just made; read-your-writes has waited for it. */
    static CreditTransactionView transaction(QueryGateway queries, String accountId, String transactionId) {
        return queries.query(new FindCreditTransactionQuery(accountId, transactionId),
                        ResponseTypes.optionalInstanceOf(CreditTransactionView.class)).join()
                .orElseThrow(() -> new IllegalStateException("Ledger entry " + transactionId + " not projected in time"));
    }
}
