package io.outboundcalls.telephony.relay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits that end a conversation a model forgets to end (it says "goodbye" without calling {@code end_call}).
 *
 * @param silenceTimeout how long after the agent's last words the callee may stay silent
 * @param maxTurns       how many times the callee may speak; the next utterance gets a goodbye
 */
@ConfigurationProperties("outboundcalls.llm")
public record ConversationSettings(@DefaultValue("30s") Duration silenceTimeout, @DefaultValue("50") int maxTurns) {
}
