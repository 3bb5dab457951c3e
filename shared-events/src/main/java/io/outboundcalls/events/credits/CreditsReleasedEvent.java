package io.outboundcalls.events.credits;

import org.axonframework.serialization.Revision;

/** The unused part of a reservation handed back to {@code available}. */
@Revision("1")
public record CreditsReleasedEvent(String creditAccountId, String accountId, String reservationId, long amount,
                                   long balanceAfter, long reservedAfter) {
}
