package io.outboundcalls.command.telephony;

import java.util.Optional;

/**
 * The telephony port. {@link #dial} returns at once; what the provider then reports (ringing,
 * answered, ended) comes back as commands to the Call aggregate, so a real provider's callbacks
 * and the simulator take the same path.
 */
public interface CallGateway {

    void dial(DialRequest request);

    void hangUp(String callId);

    /** The recording a call's {@code recordingRef} points to, as WAV bytes. */
    Optional<byte[]> fetchRecording(String recordingRef);
}
