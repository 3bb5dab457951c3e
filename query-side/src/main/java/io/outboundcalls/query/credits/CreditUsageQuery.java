package io.outboundcalls.query.credits;

import java.time.Instant;

/** Usage of settled calls between {@code start} (inclusive) and {@code end} (exclusive), either may be null. */
public record CreditUsageQuery(String accountId, Instant start, Instant end, GroupBy groupBy) {

    public enum GroupBy { DAY, CAMPAIGN, AGENT }
}
