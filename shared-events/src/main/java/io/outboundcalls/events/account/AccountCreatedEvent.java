package io.outboundcalls.events.account;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AccountCreatedEvent(String accountId, String name, Tier tier, AccountLimits limits) {
}
