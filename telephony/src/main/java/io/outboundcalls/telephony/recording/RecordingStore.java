package io.outboundcalls.telephony.recording;

import java.util.Optional;

/** Where a real call's recording is kept once downloaded from the provider, readable from every node. */
public interface RecordingStore {

    /** Keeps the recording of a call; a second store of the same call keeps the first. */
    void store(String callId, String contentType, byte[] content);

    Optional<byte[]> find(String callId);
}
