package io.outboundcalls.events.agent;

/** What the agent does when a machine answers: {@code hangup} or {@code leave_message}. */
public record VoicemailSettings(String action, String message) {

    public static final String HANGUP = "hangup";
    public static final String LEAVE_MESSAGE = "leave_message";
    public static final VoicemailSettings DEFAULT = new VoicemailSettings(HANGUP, null);
}
