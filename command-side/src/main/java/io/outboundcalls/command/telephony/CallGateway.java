package io.outboundcalls.command.telephony;

import java.util.Optional;

/**
 * The telephony port. {@link #dial} returns at once; what the provider then reports (ringing,
 * answered, ended) comes back as commands to the Call aggregate, so a real provider's callbacks
 * and the simulator take the same path.
 */
public interface CallGateway {

    void dial(DialRequest request);

    /** Asks the provider what became of a call, by our call id: the dialer's recovery asks before it dials again. */
    CallStatus status(String callId);

    /**
     * This node takes over the reports of a call placed earlier, here or by a node that died:
     * those still to come arrive as after {@link #dial}, and when the call is already over its
     * end is reported at once. Reports already handled are ignored by the Call aggregate.
     */
    void follow(DialRequest request);

    void hangUp(String callId);

    /** The recording a call's {@code recordingRef} points to, as WAV bytes. */
    Optional<byte[]> fetchRecording(String recordingRef);
}
