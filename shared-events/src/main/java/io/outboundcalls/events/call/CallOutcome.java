package io.outboundcalls.events.call;

import java.util.Locale;

/** How a call ended, as clients see it (lower case). */
public enum CallOutcome {
    COMPLETED, VOICEMAIL, NO_ANSWER, BUSY, FAILED, OPTED_OUT, TRANSFERRED, MAX_DURATION;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CallOutcome fromApiName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** A person took the call (a machine did not): the contact counts as reached. */
    public boolean reachedAPerson() {
        return this == COMPLETED || this == OPTED_OUT || this == TRANSFERRED || this == MAX_DURATION;
    }
}
