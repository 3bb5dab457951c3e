package io.outboundcalls.command.contact;

import io.outboundcalls.events.contact.ContactDetails;

/** One valid row of an import, ready to become (or update) a contact; {@code timezone}: explicit zone or null. */
public record ImportRow(int row, ContactDetails details, String timezone) {
}
