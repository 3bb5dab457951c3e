package io.outboundcalls.command.credits;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider refused to pay a pending purchase: it ends without credits. */
public record DeclineCreditPurchaseCommand(@TargetAggregateIdentifier String creditAccountId, String accountId,
                                           String transactionId, String reason) {
}
