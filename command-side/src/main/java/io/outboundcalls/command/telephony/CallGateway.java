package io.outboundcalls.command.telephony;

import java.util.Optional;

/**
 * The telephony port. {@link #dial} returns at once; what the provider then reports (ringing,
 * answered, ended) comes back as commands to the Call aggregate, so a real provider's callbacks
 * and the simulator take the same path.
 */
public interface CallGateway {

    /** The simulator's bean name: it is present whatever the provider, since test-mode campaigns use it. */
    String SIMULATOR = "simulatorCallGateway";

    /** The name calls show as their {@code provider}. */
    String SIMULATOR_PROVIDER = "simulator";

    void dial(DialRequest request);

    /** Which provider {@link #dial} gives this request to ({@code simulator} | {@code twilio}). */
    default String provider(DialRequest request) {
        return SIMULATOR_PROVIDER;
    }

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
