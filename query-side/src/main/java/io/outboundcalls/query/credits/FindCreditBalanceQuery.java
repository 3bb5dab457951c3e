package io.outboundcalls.query.credits;

public record FindCreditBalanceQuery(String accountId) {
}
