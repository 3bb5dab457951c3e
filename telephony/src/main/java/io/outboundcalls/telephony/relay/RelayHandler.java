package io.outboundcalls.telephony.relay;

import io.outboundcalls.command.telephony.DialRequest;
import io.outboundcalls.telephony.PlacedCalls;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The ConversationRelay websocket: {@code setup} finds the call by the {@code call_id} parameter our TwiML
 * gave (never by a phone number) and starts its {@link Conversation}; later frames go to it. Replies are
 * sent from the model client's threads, so the session is wrapped for concurrent, bounded sends.
 */
final class RelayHandler extends TextWebSocketHandler {

    static final String CALL_ID_PARAMETER = "call_id";
    private static final Logger log = LoggerFactory.getLogger(RelayHandler.class);
    private static final String CONVERSATION = Conversation.class.getName();
    private static final int SEND_TIME_LIMIT_MS = 5_000;
    private static final int SEND_BUFFER_BYTES = 256 * 1024;

    private final PlacedCalls placedCalls;
    private final ConversationServices services;

    RelayHandler(PlacedCalls placedCalls, ConversationServices services) {
        this.placedCalls = placedCalls;
        this.services = services;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        RelayFrame frame;
        try {
            frame = RelayFrames.parse(message.getPayload());
        } catch (IllegalArgumentException e) {
            log.warn("Relay session {}: unreadable frame ignored: {}", session.getId(), e.getMessage());
            return;
        }
        Conversation conversation = (Conversation) session.getAttributes().get(CONVERSATION);
        if (frame instanceof RelayFrame.Setup setup) {
            if (conversation == null) {
                start(session, setup);
            }
            return;
        }
        if (conversation == null) {
            log.warn("Relay session {}: {} before setup ignored", session.getId(), frame.getClass().getSimpleName());
            return;
        }
        if (frame instanceof RelayFrame.Prompt prompt && prompt.last()) {
            conversation.onPrompt(prompt.voicePrompt());
        } else if (frame instanceof RelayFrame.Interrupt interrupt) {
            conversation.onInterrupt(interrupt.utteranceUntilInterrupt(), interrupt.durationUntilInterruptMs());
        } else if (frame instanceof RelayFrame.Dtmf dtmf) {
            conversation.onDtmf(dtmf.digit());
        } else if (frame instanceof RelayFrame.Error error) {
            log.warn("Call {}: ConversationRelay reported an error: {}", conversation.callId(), error.description());
        }
    }

    private void start(WebSocketSession session, RelayFrame.Setup setup) {
        String callId = setup.customParameters().get(CALL_ID_PARAMETER);
        Optional<DialRequest> call = callId == null ? Optional.empty() : placedCalls.find(callId);
        if (call.isEmpty()) {
            log.warn("Relay session {} (CallSid {}) names no call we placed ({}): closed", session.getId(), setup.callSid(), callId);
            close(session, CloseStatus.POLICY_VIOLATION);
            return;
        }
        WebSocketSession concurrent = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, SEND_BUFFER_BYTES);
        Conversation conversation = new Conversation(call.get(), new Socket(concurrent), services);
        session.getAttributes().put(CONVERSATION, conversation);
        conversation.start();
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Conversation conversation = (Conversation) session.getAttributes().get(CONVERSATION);
        if (conversation != null) {
            conversation.onClosed();
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("Relay session {}: transport error {}", session.getId(), exception.toString());
    }

    private static void close(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException e) {
            log.debug("Relay session {}: closing failed: {}", session.getId(), e.toString());
        }
    }

    private record Socket(WebSocketSession session) implements RelaySocket {

        @Override
        public boolean send(String frame) {
            if (!session.isOpen()) {
                return false;
            }
            try {
                session.sendMessage(new TextMessage(frame));
                return true;
            } catch (IOException | IllegalStateException e) {
                log.debug("Relay session {}: send failed: {}", session.getId(), e.toString());
                return false;
            }
        }

        @Override
        public void close() {
            RelayHandler.close(session, CloseStatus.NORMAL);
        }
    }
}
