package io.outboundcalls.command.contact;

import java.util.Map;
import java.util.Set;

/**
 * A partial update: only the names in {@code fields} change; a present field with a null value
 * clears it (a cleared {@code timezone} is resolved from the number again). {@code metadata} is
 * merged key by key, an empty value removing the key; {@code listIds} replaces the memberships.
 */
public record ContactChanges(String phoneNumber, String rawPhoneNumber, String firstName, String lastName, String email,
                             String timezone, Map<String, String> metadata, Boolean doNotCall, Set<String> listIds,
                             Set<String> fields) {

    public static final String PHONE_NUMBER = "phone_number";
    public static final String FIRST_NAME = "first_name";
    public static final String LAST_NAME = "last_name";
    public static final String EMAIL = "email";
    public static final String TIMEZONE = "timezone";
    public static final String METADATA = "metadata";
    public static final String DO_NOT_CALL = "do_not_call";
    public static final String LIST_IDS = "list_ids";

    public boolean has(String field) {
        return fields.contains(field);
    }
}
