package io.outboundcalls.query.credits;

public record FindCreditTransactionQuery(String accountId, String transactionId) {
}
