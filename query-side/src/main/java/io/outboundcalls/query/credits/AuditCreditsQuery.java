package io.outboundcalls.query.credits;

import java.time.Instant;

/** Recompute an account's credits at {@code asOf} (null: now) from the event store and compare with the read model. */
public record AuditCreditsQuery(String accountId, String creditAccountId, Instant asOf) {
}
