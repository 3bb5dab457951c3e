package io.outboundcalls.telephony;

import io.outboundcalls.command.telephony.DialRequest;
import java.util.Optional;

/**
 * The calls this service placed with the provider, kept in PostgreSQL so that whichever node receives a
 * callback or the relay websocket knows the call: its agent, its contact and the provider's id.
 */
public interface PlacedCalls {

    /** The request a call was placed with, by our call id. */
    Optional<DialRequest> find(String callId);
}
