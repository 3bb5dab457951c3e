package io.outboundcalls.telephony.relay;

import io.outboundcalls.telephony.twilio.TwilioSignature;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Only Twilio may open a relay session: the upgrade request must carry {@code X-Twilio-Signature} over the
 * relay URL exactly as our TwiML gave it (built from {@code public-base-url}, never from the Host the request
 * arrived with), signed like a webhook with no parameters. Otherwise 403 and no upgrade.
 */
final class RelayHandshakeSignature implements HandshakeInterceptor {

    static final String HEADER = "X-Twilio-Signature";
    private static final Logger log = LoggerFactory.getLogger(RelayHandshakeSignature.class);
    private static final byte[] FORBIDDEN = ("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
            + "\"code\":\"invalid_signature\",\"detail\":\"X-Twilio-Signature is missing or does not match\"}").getBytes();

    private final TwilioSignature signature;
    private final String relayUrl;

    RelayHandshakeSignature(TwilioSignature signature, String relayUrl) {
        this.signature = signature;
        this.relayUrl = relayUrl;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) throws Exception {
        String received = request.getHeaders().getFirst(HEADER);
        if (signature.isValid(relayUrl, Map.<String, List<String>>of(), received)) {
            return true;
        }
        log.warn("Relay handshake from {} refused: {} signature", request.getRemoteAddress(), received == null ? "no" : "a bad");
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getBody().write(FORBIDDEN);
        return false;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception exception) {
    }
}
