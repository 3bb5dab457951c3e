package io.outboundcalls.telephony.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.platform.Json;
import java.util.function.Consumer;

/**
 * Reads a chat-completions stream line by line (Server-Sent Events): {@code data:} lines, joined until the
 * blank line that ends an event, each a {@code chat.completion.chunk}; comments ({@code :}) and other fields
 * are skipped; {@code data: [DONE]} ends it. Text deltas go to {@code onText} at once; tool-call fragments
 * are assembled, and the whole completion is available once the stream is done.
 */
final class ChatStreamParser {

    private static final String DONE = "[DONE]";

    private final Consumer<String> onText;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder data = new StringBuilder();
    private final ToolCallAssembler tools = new ToolCallAssembler();
    private String finishReason;
    private boolean done;

    ChatStreamParser(Consumer<String> onText) {
        this.onText = onText;
    }

    /** One line without its terminator. Throws {@link LlmException} when the server reports an error. */
    void accept(String line) {
        if (done) {
            return;
        }
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        if (line.startsWith("data:")) {
            String value = line.substring(5);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            String event = data.length() == 0 ? value : data.append('\n').append(value).toString();
            // servers send one data line per event: acting on it at once saves waiting for the blank line
            boolean isDone = DONE.equals(event);
            JsonNode chunk = isDone ? null : parseOrNull(event);
            if (chunk != null || isDone) {
                data.setLength(0);
                handle(chunk);
            } else if (data.length() == 0) {
                data.append(value);
            }
        }
    }

    /** The stream ended: with {@code [DONE]} or a finish reason it is complete; otherwise it was cut short. */
    ChatCompletion finish() {
        dispatch();
        if (!done && finishReason == null) {
            throw new LlmException("The completion stream ended before [DONE]");
        }
        done = true;
        return new ChatCompletion(text.toString(), tools.toolCalls(), finishReason);
    }

    boolean isDone() {
        return done;
    }

    private void dispatch() {
        if (data.length() == 0) {
            return;
        }
        String event = data.toString();
        data.setLength(0);
        JsonNode chunk = DONE.equals(event.strip()) ? null : parseOrNull(event);
        if (chunk == null && !DONE.equals(event.strip())) {
            throw new LlmException("Unreadable stream chunk: " + abbreviate(event));
        }
        handle(chunk);
    }

    /** One parsed chunk, or null for {@code [DONE]}. */
    private void handle(JsonNode chunk) {
        if (chunk == null) {
            done = true;
            return;
        }
        if (chunk.hasNonNull("error")) {
            throw new LlmException("The model server reported an error: " + abbreviate(chunk.get("error").toString()));
        }
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        String content = delta.path("content").isTextual() ? delta.get("content").asText() : null;
        if (content != null && !content.isEmpty()) {
            text.append(content);
            onText.accept(content);
        }
        for (JsonNode call : delta.path("tool_calls")) {
            JsonNode function = call.path("function");
            tools.add(call.path("index").asInt(0), textOrNull(call.path("id")), textOrNull(function.path("name")),
                    textOrNull(function.path("arguments")));
        }
        if (choice.path("finish_reason").isTextual()) {
            finishReason = choice.get("finish_reason").asText();
        }
    }

    private static JsonNode parseOrNull(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
