package io.outboundcalls.events.credits;

import org.axonframework.serialization.Revision;

/** Credits held for one call before it is dialed; {@code balanceAfter} is unchanged, {@code reservedAfter} grows. */
@Revision("1")
public record CreditsReservedEvent(String creditAccountId, String accountId, String reservationId, long amount,
                                   String campaignId, String callId, long balanceAfter, long reservedAfter) {
}
