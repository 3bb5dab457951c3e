package io.outboundcalls.query.contact;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A contact as the API shows it; {@code version} is the sequence number of the last contact event applied to it. */
public record ContactView(String id, String accountId, String phoneNumber, String rawPhoneNumber, String firstName,
                          String lastName, String email, Map<String, String> metadata, String timezone,
                          List<String> timezoneCandidates, String timezoneSource, boolean doNotCall, String status,
                          List<String> listIds, String doNotCallReason, Instant createdAt, Instant updatedAt,
                          long version) {
}
