package io.outboundcalls.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible chat-completions server that plays a polite sales agent: a streamed reply per turn
 * ({@code chat.completion.chunk} events, then {@code [DONE]}); on the third turn it says goodbye and calls
 * {@code end_call}; a callee who asks not to be called again gets {@code opt_out}, one who asks for a person gets
 * {@code transfer} when it is offered. The after-call request ({@code response_format}) gets a summary of what the
 * callee said.
 */
final class FakeModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] REPLIES = {"Great to reach you! I'm calling about our offer. Would you like to hear more?",
            "It saves most households a third on their bills. Shall I send you the details?"};

    private FakeModel() {
    }

    /** The response body for one request: an SSE stream, or (for the after-call analysis) one JSON completion. */
    static Answer answer(JsonNode request) {
        ArrayNode messages = (ArrayNode) request.path("messages");
        if (request.has("response_format")) {
            return new Answer("application/json", analysis(messages));
        }
        int userTurns = 0;
        String last = "";
        for (JsonNode message : messages) {
            if (message.path("role").asText().equals("user")) {
                userTurns++;
                last = message.path("content").asText().toLowerCase();
            }
        }
        boolean canTransfer = request.path("tools").toString().contains("\"transfer\"");
        StringBuilder sse = new StringBuilder();
        if (last.contains("don't call") || last.contains("do not call")) {
            text(sse, "Understood, we won't call you again. Goodbye.");
            tool(sse, "opt_out", "{}");
        } else if (last.contains("a person") && canTransfer) {
            text(sse, "Of course, connecting you now.");
            tool(sse, "transfer", "{\"reason\":\"asked for a person\"}");
        } else if (userTurns >= 3) {
            text(sse, "Thank you for your time. Goodbye!");
            tool(sse, "end_call", "{\"reason\":\"done\"}");
        } else {
            for (String word : REPLIES[Math.max(0, userTurns - 1)].split("(?<= )")) {
                sse.append(event(JSON.createObjectNode().put("content", word), null));
            }
            sse.append(event(JSON.createObjectNode(), "stop"));
        }
        return new Answer("text/event-stream", sse.append("data: [DONE]\n\n").toString());
    }

    record Answer(String contentType, String body) {
    }

    private static void text(StringBuilder sse, String text) {
        sse.append(event(JSON.createObjectNode().put("content", text), null));
    }

    private static void tool(StringBuilder sse, String name, String arguments) {
        ObjectNode call = JSON.createObjectNode().put("index", 0).put("id", "call_fake").put("type", "function");
        call.putObject("function").put("name", name).put("arguments", arguments);
        ObjectNode delta = JSON.createObjectNode();
        delta.putArray("tool_calls").add(call);
        sse.append(event(delta, null)).append(event(JSON.createObjectNode(), "tool_calls"));
    }

    private static String event(ObjectNode delta, String finishReason) {
        ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return "data: " + chunk + "\n\n";
    }

    /** The summary of a call whose transcript the request carries as {@code role: text} lines. */
    private static String analysis(ArrayNode messages) {
        boolean answered = messages.toString().contains("contact: ");
        ObjectNode answer = JSON.createObjectNode()
                .put("summary", "A fake call: the callee listened to the offer" + (answered ? " and answered." : "."));
        answer.putObject("analysis");
        ObjectNode completion = JSON.createObjectNode();
        completion.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                .putObject("message").put("role", "assistant").put("content", answer.toString());
        return completion.toString();
    }
}
