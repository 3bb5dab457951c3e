package io.outboundcalls.events.credits;

import org.axonframework.serialization.Revision;

/**
 * {@code available} crossed below the low-balance threshold. Fired once per crossing; it fires again
 * only after {@code available} has risen back to the threshold or above. Published as {@code credits.low}.
 */
@Revision("1")
public record CreditBalanceLowEvent(String creditAccountId, String accountId, long balance, long reserved,
                                    long available, long threshold) {
}
