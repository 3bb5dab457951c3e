package io.outboundcalls.events.credits;

import org.axonframework.serialization.Revision;

/** An operator's correction of the balance; {@code amount} is signed. */
@Revision("1")
public record CreditsAdjustedEvent(String creditAccountId, String accountId, String transactionId, long amount,
                                   String reason, long balanceAfter, long reservedAfter) {
}
