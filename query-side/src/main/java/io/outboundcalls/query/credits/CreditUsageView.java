package io.outboundcalls.query.credits;

import java.util.List;

/** Totals of settled calls and the same figures per group (a UTC day, a campaign or an agent). */
public record CreditUsageView(long totalCredits, long totalCalls, long totalBilledSeconds, List<Group> groups) {

    public record Group(String key, long calls, long billedSeconds, long credits) {
    }
}
