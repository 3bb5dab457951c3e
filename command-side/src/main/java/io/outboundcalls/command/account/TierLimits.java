package io.outboundcalls.command.account;

import io.outboundcalls.events.account.AccountLimits;
import io.outboundcalls.events.account.Tier;

/**
 * The published tier table (docs/api.md §1), defined once: requests per minute, burst per second and
 * the concurrency column, which bounds both an account's concurrent requests and its calls in
 * flight. {@link #UNLIMITED} stands for "no limit" (enterprise without custom numbers).
 */
public record TierLimits(int requestsPerMinute, int burstPerSecond, int concurrent) {

    public static final int UNLIMITED = Integer.MAX_VALUE;

    private static final TierLimits STANDARD = new TierLimits(100, 20, 10);
    private static final TierLimits PROFESSIONAL = new TierLimits(500, 50, 50);
    /** Enterprise is "custom": without the operator's numbers nothing is limited. */
    private static final TierLimits ENTERPRISE = new TierLimits(UNLIMITED, UNLIMITED, UNLIMITED);

    public static TierLimits of(Tier tier) {
        return switch (tier) {
            case STANDARD -> STANDARD;
            case PROFESSIONAL -> PROFESSIONAL;
            case ENTERPRISE -> ENTERPRISE;
        };
    }

    /** The account's concurrent-call limit: the operator's number where set, else its tier's. */
    public static int concurrentCalls(Tier tier, AccountLimits custom) {
        return custom != null && custom.concurrentCalls() != null ? custom.concurrentCalls() : of(tier).concurrent();
    }
}
