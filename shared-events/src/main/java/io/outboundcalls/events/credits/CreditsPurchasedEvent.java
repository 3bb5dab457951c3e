package io.outboundcalls.events.credits;

import org.axonframework.serialization.Revision;

/** Credits bought and paid; {@code balanceAfter} is the balance once they are added. */
@Revision("1")
public record CreditsPurchasedEvent(String creditAccountId, String accountId, String transactionId, long amount,
                                    long balanceAfter) {
}
