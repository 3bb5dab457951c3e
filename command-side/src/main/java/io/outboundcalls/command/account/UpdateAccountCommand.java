package io.outboundcalls.command.account;

import io.outboundcalls.events.account.AccountLimits;
import io.outboundcalls.events.account.Tier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Null fields keep their current value. */
public record UpdateAccountCommand(@TargetAggregateIdentifier String accountId, String name, Tier tier,
                                   AccountLimits limits) {
}
