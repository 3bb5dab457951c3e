package io.outboundcalls.app.ratelimit;

import io.outboundcalls.command.account.TierLimits;
import io.outboundcalls.events.account.AccountLimits;
import io.outboundcalls.events.account.Tier;

/**
 * The limits that apply to one account: its custom numbers where set, else its tier's published
 * defaults ({@link TierLimits}, docs/api.md §1). {@link #UNLIMITED} stands for "no limit" (enterprise without custom numbers).
 */
record EffectiveLimits(int requestsPerMinute, int burstPerSecond, int concurrentRequests) {

    static final int UNLIMITED = TierLimits.UNLIMITED;

    static EffectiveLimits of(Tier tier, AccountLimits custom) {
        TierLimits defaults = TierLimits.of(tier);
        AccountLimits c = custom == null ? AccountLimits.NONE : custom;
        return new EffectiveLimits(
                c.requestsPerMinute() != null ? c.requestsPerMinute() : defaults.requestsPerMinute(),
                c.burstPerSecond() != null ? c.burstPerSecond() : defaults.burstPerSecond(),
                c.concurrentRequests() != null ? c.concurrentRequests() : defaults.concurrent());
    }

    boolean countsRequests() {
        return requestsPerMinute != UNLIMITED || burstPerSecond != UNLIMITED;
    }

    boolean limitsConcurrency() {
        return concurrentRequests != UNLIMITED;
    }
}
