package io.outboundcalls.query.credits;

import java.time.Instant;

public record FindLastCreditTransactionQuery(String accountId, Instant asOf) {
}
