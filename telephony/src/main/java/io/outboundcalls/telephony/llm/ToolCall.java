package io.outboundcalls.telephony.llm;

import com.fasterxml.jackson.databind.JsonNode;

/** A function the model called, with its arguments parsed (an object; empty when the model sent none). */
public record ToolCall(String id, String name, JsonNode arguments) {
}
