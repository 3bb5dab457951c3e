package io.outboundcalls.app.contacts;

import io.outboundcalls.app.web.JsonFields;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.command.common.PhoneNumbers;
import io.outboundcalls.command.contact.ContactChanges;
import io.outboundcalls.command.contact.ContactRules;
import io.outboundcalls.command.contact.ContactTimezones;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.outboundcalls.command.contact.ContactChanges.*;

/** Reads contact request bodies with every rule of docs/api.md §3 (Contact). */
final class ContactRequests {

    private static final List<String> FIELDS = List.of(PHONE_NUMBER, FIRST_NAME, LAST_NAME, EMAIL, TIMEZONE, METADATA,
            DO_NOT_CALL, LIST_IDS);

    private ContactRequests() {
    }

    /** A create is a change of every field from nothing; phone_number is required. */
    static ContactChanges create(JsonFields f) {
        ContactChanges changes = read(f, true);
        f.throwIfInvalid();
        return changes;
    }

    static ContactChanges update(JsonFields f) {
        for (String required : List.of(PHONE_NUMBER, DO_NOT_CALL)) {
            if (f.isNull(required)) {
                f.error(required, "invalid_value", "'" + required + "' cannot be removed");
            }
        }
        ContactChanges changes = read(f, false);
        f.throwIfInvalid();
        return changes;
    }

    private static ContactChanges read(JsonFields f, boolean create) {
        Set<String> present = new LinkedHashSet<>();
        for (String field : FIELDS) {
            if (f.has(field)) {
                present.add(field);
            }
        }
        String country = f.optionalString("default_country", 2);
        if (country != null && !ContactRules.isCountry(country)) {
            f.error("default_country", "invalid_country", "'default_country' must be an ISO-3166 alpha-2 code such as US or GB");
            country = null;
        }
        String raw = create ? f.requiredString(PHONE_NUMBER, 64) : f.optionalString(PHONE_NUMBER, 64);
        String e164 = null;
        if (raw != null) {
            e164 = PhoneNumbers.toE164(raw, country == null ? ContactRules.DEFAULT_COUNTRY : country.toUpperCase(Locale.ROOT))
                    .orElse(null);
            if (e164 == null) {
                f.error(PHONE_NUMBER, "invalid_phone_number",
                        "'phone_number' is not a valid phone number: use E.164 (+14155552671) or a national format of default_country");
            }
        }
        String firstName = f.optionalString(FIRST_NAME, ContactRules.MAX_NAME);
        String lastName = f.optionalString(LAST_NAME, ContactRules.MAX_NAME);
        String email = f.optionalString(EMAIL, ContactRules.MAX_EMAIL);
        if (email != null && !ContactRules.isValidEmail(email)) {
            f.error(EMAIL, "invalid_email", "'email' is not a valid email address");
        }
        String timezone = f.optionalString(TIMEZONE, 64);
        if (timezone != null && !ContactTimezones.isValid(timezone)) {
            f.error(TIMEZONE, "invalid_timezone", "'timezone' must be an IANA time zone such as America/New_York");
        }
        Map<String, String> metadata = f.optionalStringMap(METADATA, ContactRules.MAX_METADATA_KEYS);
        Boolean doNotCall = f.optionalBoolean(DO_NOT_CALL);
        List<String> listIds = f.optionalStringList(LIST_IDS, 100, 40);
        if (listIds != null) {
            for (int i = 0; i < listIds.size(); i++) {
                if (!Ids.hasPrefix(listIds.get(i), "list")) {
                    f.error(LIST_IDS + "." + i, "list_not_found", "No such contact list: '" + listIds.get(i) + "'");
                }
            }
        }
        if (create && metadata != null) {
            metadata.values().removeIf(String::isEmpty);
        }
        return new ContactChanges(e164, raw, firstName, lastName, email, timezone, metadata, doNotCall,
                listIds == null ? null : new LinkedHashSet<>(listIds), present);
    }
}
