package io.outboundcalls.telephony;

/**
 * A real call ends in two halves that arrive in any order and on any node: the provider's final status
 * callback (duration, answered by, recording) and the end of the conversation (transcript, summary,
 * analysis, how the agent ended it, in {@code telephony.conversations}). Each half, once stored, tells the
 * finisher; the call's end is reported to the Call aggregate once both halves are in, or once the provider
 * says the call ended with no conversation to wait for.
 */
public interface CallFinisher {

    /** The conversation of this call is over and its row in {@code telephony.conversations} is final. */
    void conversationFinished(String callId);
}
