package io.outboundcalls.webhooks.payload;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.outboundcalls.query.contact.ContactView;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The contact object ({@code GET /v1/contacts/:id}, the data of {@code contact.updated}); {@code timezone_candidates} shows every zone the number may be in,
 * {@code do_not_call_reason} why a do-not-call contact may not be called ({@code opted_out} or {@code marked}).
 */
@JsonPropertyOrder({"id", "object"})
public record ContactResponse(String id, String object, String phoneNumber, String rawPhoneNumber, String firstName,
                              String lastName, String email, String timezone, String timezoneSource,
                              List<String> timezoneCandidates, String status, boolean doNotCall, String doNotCallReason,
                              List<String> listIds,
                              Map<String, String> metadata, Instant createdAt, Instant updatedAt) {

    public static ContactResponse of(ContactView v) {
        return new ContactResponse(v.id(), "contact", v.phoneNumber(), v.rawPhoneNumber(), v.firstName(), v.lastName(),
                v.email(), v.timezone(), v.timezoneSource(), v.timezoneCandidates(), v.status(), v.doNotCall(),
                v.doNotCallReason(), v.listIds(), v.metadata(), v.createdAt(), v.updatedAt());
    }
}
