package io.outboundcalls.command.contact;

import io.outboundcalls.events.contact.ContactDetails;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/** {@code timezone}: the explicit IANA zone, or null to resolve it from the number. */
public record CreateContactCommand(@TargetAggregateIdentifier String contactId, String accountId, ContactDetails details,
                                   String timezone, boolean doNotCall, Set<String> listIds) {
}
