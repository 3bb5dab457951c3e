package io.outboundcalls.events.account;

import org.axonframework.serialization.Revision;

/** Carries the account's complete new settings, so a reader needs no earlier event to apply it. */
@Revision("1")
public record AccountUpdatedEvent(String accountId, String name, Tier tier, AccountLimits limits) {
}
