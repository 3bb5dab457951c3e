package io.outboundcalls.events.credits;

import org.axonframework.serialization.Revision;

/** Below {@code threshold} available credits the account is told its balance is low. */
@Revision("1")
public record LowBalanceThresholdChangedEvent(String creditAccountId, String accountId, long threshold) {
}
