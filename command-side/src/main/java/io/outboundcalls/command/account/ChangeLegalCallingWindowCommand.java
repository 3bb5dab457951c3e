package io.outboundcalls.command.account;

import io.outboundcalls.events.account.LegalCallingWindow;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeLegalCallingWindowCommand(@TargetAggregateIdentifier String accountId, LegalCallingWindow window) {
}
