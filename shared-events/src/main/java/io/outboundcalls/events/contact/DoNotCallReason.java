package io.outboundcalls.events.contact;

import java.util.Locale;

/**
 * Why a contact may not be called: the callee asked on a call ({@code OPTED_OUT}) or someone
 * marked the contact do-not-call ({@code MARKED}). Either way the number stays suppressed for the
 * account when its contact is deleted and created again.
 */
public enum DoNotCallReason {
    OPTED_OUT, MARKED;

    /** The name clients see in {@code do_not_call_reason}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
