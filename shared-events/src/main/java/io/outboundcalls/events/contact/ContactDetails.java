package io.outboundcalls.events.contact;

import java.util.Map;

/** What a customer knows about a contact; {@code phoneNumber} is E.164, {@code rawPhoneNumber} as given. */
public record ContactDetails(String phoneNumber, String rawPhoneNumber, String firstName, String lastName,
                             String email, Map<String, String> metadata) {
}
