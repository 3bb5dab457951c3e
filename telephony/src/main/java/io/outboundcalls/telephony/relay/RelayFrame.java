package io.outboundcalls.telephony.relay;

import java.util.Map;

/** What ConversationRelay sends us, one JSON text frame each (docs/telephony-conversation.md); unknown fields are ignored. */
sealed interface RelayFrame {

    /** The session opened; {@code customParameters} are the TwiML's {@code <Parameter>}s. */
    record Setup(String sessionId, String callSid, Map<String, String> customParameters) implements RelayFrame {
    }

    /** What the callee said; {@code last} marks the final transcript of the utterance. */
    record Prompt(String voicePrompt, boolean last) implements RelayFrame {
    }

    /** The callee spoke over the agent: only {@code utteranceUntilInterrupt} of our reply was heard. */
    record Interrupt(String utteranceUntilInterrupt, long durationUntilInterruptMs) implements RelayFrame {
    }

    record Dtmf(String digit) implements RelayFrame {
    }

    record Error(String description) implements RelayFrame {
    }

    /** A type this service does not act on. */
    record Other(String type) implements RelayFrame {
    }
}
