package io.outboundcalls.query.credits;

import java.time.Instant;

/** Figures folded from the event store beside the read model's, and whether they agree. */
public record CreditAuditView(Instant asOf, Figures fromEvents, Figures readModel, String readModelSource,
                              boolean consistent, long eventsReplayed) {

    public record Figures(long balance, long reserved) {

        public long available() {
            return balance - reserved;
        }
    }
}
