package io.outboundcalls.app.ratelimit;

import io.outboundcalls.events.account.AccountLimits;
import io.outboundcalls.events.account.Tier;

/**
 * The limits that apply to one account: its custom numbers where set, else its tier's published
 * defaults (docs/api.md §1). {@link #UNLIMITED} stands for "no limit" (enterprise without custom numbers).
 */
record EffectiveLimits(int requestsPerMinute, int burstPerSecond, int concurrentRequests) {

    static final int UNLIMITED = Integer.MAX_VALUE;

    static EffectiveLimits of(Tier tier, AccountLimits custom) {
        EffectiveLimits defaults = switch (tier) {
            case STANDARD -> new EffectiveLimits(100, 20, 10);
            case PROFESSIONAL -> new EffectiveLimits(500, 50, 50);
            case ENTERPRISE -> new EffectiveLimits(UNLIMITED, UNLIMITED, UNLIMITED);
        };
        AccountLimits c = custom == null ? AccountLimits.NONE : custom;
        return new EffectiveLimits(
                c.requestsPerMinute() != null ? c.requestsPerMinute() : defaults.requestsPerMinute,
                c.burstPerSecond() != null ? c.burstPerSecond() : defaults.burstPerSecond,
                c.concurrentRequests() != null ? c.concurrentRequests() : defaults.concurrentRequests);
    }

    boolean countsRequests() {
        return requestsPerMinute != UNLIMITED || burstPerSecond != UNLIMITED;
    }

    boolean limitsConcurrency() {
        return concurrentRequests != UNLIMITED;
    }
}
