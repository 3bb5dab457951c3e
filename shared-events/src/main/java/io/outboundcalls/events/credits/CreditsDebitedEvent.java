package io.outboundcalls.events.credits;

import org.axonframework.serialization.Revision;

/**
 * A call's reservation settled: {@code amount} credits charged for {@code billedSeconds} (0 when the call
 * never connected). The unused part of the hold follows as a {@link CreditsReleasedEvent}.
 */
@Revision("1")
public record CreditsDebitedEvent(String creditAccountId, String accountId, String reservationId, String callId,
                                  String campaignId, String agentId, long billedSeconds, long amount,
                                  long balanceAfter, long reservedAfter) {
}
