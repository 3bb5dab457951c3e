package io.outboundcalls.command.telephony;

import io.outboundcalls.events.call.CallOutcome;

/**
 * What the provider knows about a call: it never reached the provider, it is ringing or in
 * progress, or it ended ({@code outcome} set only then).
 */
public record CallStatus(State state, CallOutcome outcome) {

    public enum State { NOT_FOUND, RINGING, IN_PROGRESS, ENDED }

    public static final CallStatus NOT_FOUND = new CallStatus(State.NOT_FOUND, null);

    public static CallStatus ringing() {
        return new CallStatus(State.RINGING, null);
    }

    public static CallStatus inProgress() {
        return new CallStatus(State.IN_PROGRESS, null);
    }

    public static CallStatus ended(CallOutcome outcome) {
        return new CallStatus(State.ENDED, outcome);
    }

    /** The provider has the call (live or over): dialing it again would ring the contact twice. */
    public boolean reachedProvider() {
        return state != State.NOT_FOUND;
    }
}
