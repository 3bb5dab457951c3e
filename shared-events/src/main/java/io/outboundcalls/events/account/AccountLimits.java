package io.outboundcalls.events.account;

/**
 * Custom limits set by an operator. A null field means "use the tier's default"
 * (for enterprise, where there is no default, it means unlimited).
 */
public record AccountLimits(Integer requestsPerMinute,
                            Integer burstPerSecond,
                            Integer concurrentRequests,
                            Integer concurrentCalls) {

    public static final AccountLimits NONE = new AccountLimits(null, null, null, null);
}
