package io.outboundcalls.app.telephony;

import io.outboundcalls.command.telephony.CallGateway;
import io.outboundcalls.command.telephony.CallStatus;
import io.outboundcalls.command.telephony.DialRequest;
import io.outboundcalls.telephony.CallFinisher;
import io.outboundcalls.telephony.PlacedCalls;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The two contracts between the Twilio adapter and the conversation, played by the test: calls are
 * "placed" by putting their request here, and the finisher only records which conversations finished.
 * Until the Twilio adapter is on this branch, the port it implements refuses to dial: these tests open
 * the conversation directly and never place a call.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestTelephony {

    static final Map<String, DialRequest> PLACED = new ConcurrentHashMap<>();
    static final List<String> FINISHED = new CopyOnWriteArrayList<>();

    @Bean
    PlacedCalls testPlacedCalls() {
        return callId -> Optional.ofNullable(PLACED.get(callId));
    }

    @Bean
    CallFinisher testCallFinisher() {
        return FINISHED::add;
    }

    @Bean
    CallGateway noDialing() {
        return new CallGateway() {
            @Override
            public void dial(DialRequest request) {
                throw new UnsupportedOperationException("These tests place no calls");
            }

            @Override
            public CallStatus status(String callId) {
                throw new UnsupportedOperationException("These tests place no calls");
            }

            @Override
            public void follow(DialRequest request) {
                throw new UnsupportedOperationException("These tests place no calls");
            }

            @Override
            public void hangUp(String callId) {
                throw new UnsupportedOperationException("These tests place no calls");
            }

            @Override
            public Optional<byte[]> fetchRecording(String recordingRef) {
                return Optional.empty();
            }
        };
    }
}
