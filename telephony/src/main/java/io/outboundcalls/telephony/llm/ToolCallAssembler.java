package io.outboundcalls.telephony.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.platform.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Streamed tool calls arrive in pieces: the first delta of an {@code index} carries its id and function
 * name, later ones fragments of the arguments' JSON text, to be joined in order per index.
 */
final class ToolCallAssembler {

    private final Map<Integer, Part> parts = new TreeMap<>();

    void add(int index, String id, String name, String argumentsFragment) {
        Part part = parts.computeIfAbsent(index, i -> new Part());
        if (id != null && !id.isEmpty()) {
            part.id = id;
        }
        if (name != null && !name.isEmpty()) {
            part.name = part.name == null ? name : part.name + name;
        }
        if (argumentsFragment != null) {
            part.arguments.append(argumentsFragment);
        }
    }

    /** The calls in index order; a call without a name, or whose arguments are not a JSON object, is refused. */
    List<ToolCall> toolCalls() {
        List<ToolCall> calls = new ArrayList<>();
        for (Map.Entry<Integer, Part> entry : parts.entrySet()) {
            Part part = entry.getValue();
            if (part.name == null) {
                throw new LlmException("Tool call " + entry.getKey() + " has no function name");
            }
            calls.add(new ToolCall(part.id, part.name, arguments(part)));
        }
        return calls;
    }

    private static JsonNode arguments(Part part) {
        String text = part.arguments.toString().strip();
        if (text.isEmpty()) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new LlmException("Arguments of tool " + part.name + " are not a JSON object: " + text);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new LlmException("Arguments of tool " + part.name + " are not valid JSON: " + text, e);
        }
    }

    private static final class Part {
        private String id;
        private String name;
        private final StringBuilder arguments = new StringBuilder();
    }
}
