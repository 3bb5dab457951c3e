package io.outboundcalls.events.contact;

import java.util.List;

/**
 * A contact's time zone as resolved: {@code timezone} is set when known (explicit, or the only
 * zone of its number); otherwise null, with every {@code candidates} zone of the number, and the
 * dialer requires the calling window to hold in all of them (else the campaign's zone).
 * {@code source}: "explicit", "phone_number" or "campaign".
 */
public record ResolvedTimezone(String timezone, List<String> candidates, String source) {

    public static final String EXPLICIT = "explicit";
    public static final String PHONE_NUMBER = "phone_number";
    public static final String CAMPAIGN = "campaign";
}
