package io.outboundcalls.telephony.relay;

/** The websocket of one session, as the conversation sees it: frames out, and closing. */
interface RelaySocket {

    /** Sends one frame; false when the socket is gone. */
    boolean send(String frame);

    void close();
}
