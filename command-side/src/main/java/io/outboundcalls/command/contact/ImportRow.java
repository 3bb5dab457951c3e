package io.outboundcalls.command.contact;

import io.outboundcalls.events.contact.ContactDetails;
import io.outboundcalls.events.contact.ResolvedTimezone;

/**
 * One valid row of an import, ready to become (or update) a contact; {@code timezone}: the explicit
 * zone or null, {@code resolved}: the zone as resolved for a new contact.
 */
public record ImportRow(int row, ContactDetails details, String timezone, ResolvedTimezone resolved) {
}
