package io.outboundcalls.query.credits;

import io.outboundcalls.query.common.PageRequest;

/** The ledger, newest first; {@code type} optional. */
public record ListCreditTransactionsQuery(String accountId, String type, PageRequest page) {
}
