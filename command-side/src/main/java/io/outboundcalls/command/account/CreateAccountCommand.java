package io.outboundcalls.command.account;

import io.outboundcalls.events.account.AccountLimits;
import io.outboundcalls.events.account.Tier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates an account together with its first API key, so an account is never unreachable. */
public record CreateAccountCommand(@TargetAggregateIdentifier String accountId, String name, Tier tier,
                                   AccountLimits limits, NewApiKey firstKey) {
}
