package io.outboundcalls.telephony.twilio;

import io.outboundcalls.telephony.relay.RelayConfiguration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The URLs Twilio is given, all under {@code public-base-url}: the form callbacks (each naming our call in
 * {@code call_id}) and the relay websocket ({@code wss} for {@code https}, {@code ws} for {@code http}).
 * Signatures are checked against the same base, never against the Host a request arrived with.
 */
final class TwilioUrls {

    static final String ROOT = "/telephony/twilio";
    static final String STATUS = ROOT + "/status";
    static final String AMD = ROOT + "/amd";
    static final String RECORDING = ROOT + "/recording";
    static final String RELAY_ENDED = ROOT + "/relay-ended";

    private final String base;

    TwilioUrls(String publicBaseUrl) {
        this.base = publicBaseUrl.replaceAll("/+$", "");
    }

    String base() {
        return base;
    }

    String callback(String path, String callId) {
        return base + path + "?call_id=" + URLEncoder.encode(callId, StandardCharsets.UTF_8);
    }

    String relay() {
        return RelayConfiguration.relayUrl(base);
    }
}
