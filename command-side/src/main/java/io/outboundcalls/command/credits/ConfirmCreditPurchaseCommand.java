package io.outboundcalls.command.credits;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider paid a pending purchase: its credits are added, with the provider's payment reference. */
public record ConfirmCreditPurchaseCommand(@TargetAggregateIdentifier String creditAccountId, String accountId,
                                           String transactionId, String paymentReference) {
}
