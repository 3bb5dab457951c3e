package io.outboundcalls.telephony.relay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outboundcalls.events.agent.AgentSettings;
import io.outboundcalls.platform.Json;

/** The functions an agent may call; every one ends the conversation. {@code transfer} only when there is a number. */
final class ConversationTools {

    static final String END_CALL = "end_call";
    static final String OPT_OUT = "opt_out";
    static final String TRANSFER = "transfer";

    private ConversationTools() {
    }

    static boolean offersTransfer(AgentSettings agent) {
        return agent.transferNumber() != null && !agent.transferNumber().isBlank();
    }

    static ArrayNode forAgent(AgentSettings agent) {
        ArrayNode tools = Json.MAPPER.createArrayNode();
        add(tools, END_CALL, "Hang up: the conversation is over. Say goodbye first.");
        add(tools, OPT_OUT, "The callee asked not to be called again: they are removed from every list and the call ends.");
        if (offersTransfer(agent)) {
            add(tools, TRANSFER, "The callee asked for a person, or you cannot help further: transfer the call to a human colleague.");
        }
        return tools;
    }

    private static void add(ArrayNode tools, String name, String description) {
        ObjectNode function = tools.addObject().put("type", "function").putObject("function");
        function.put("name", name).put("description", description);
        ObjectNode parameters = function.putObject("parameters").put("type", "object");
        parameters.putObject("properties").putObject("reason").put("type", "string")
                .put("description", "Why, in a few words");
        parameters.put("additionalProperties", false);
    }
}
