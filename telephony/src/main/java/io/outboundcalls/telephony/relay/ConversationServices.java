package io.outboundcalls.telephony.relay;

import io.outboundcalls.telephony.llm.LlmClient;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** What every conversation of the node shares. */
record ConversationServices(LlmClient llm, CommandGateway commands, ConversationEnding ending,
                            ScheduledExecutorService timers, ConversationSettings settings) {
}
