package io.outboundcalls.app.telephony;

import io.outboundcalls.command.telephony.DialRequest;
import io.outboundcalls.telephony.CallFinisher;
import io.outboundcalls.telephony.PlacedCalls;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The two contracts between the Twilio adapter and the conversation, open to tests that start a conversation
 * without placing a call: a request put in {@link #PLACED} is found as if Twilio had been given it (else the
 * adapter's own record answers), and every finished conversation is recorded in {@link #FINISHED} before the
 * adapter's finisher gets it.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestTelephony {

    static final Map<String, DialRequest> PLACED = new ConcurrentHashMap<>();
    static final List<String> FINISHED = new CopyOnWriteArrayList<>();

    @Bean
    @Primary
    PlacedCalls testPlacedCalls(@Qualifier("twilioCalls") PlacedCalls placed) {
        return callId -> Optional.ofNullable(PLACED.get(callId)).or(() -> placed.find(callId));
    }

    @Bean
    @Primary
    CallFinisher testCallFinisher(@Qualifier("twilioCallFinisher") CallFinisher finisher) {
        return callId -> {
            FINISHED.add(callId);
            finisher.conversationFinished(callId);
        };
    }
}
