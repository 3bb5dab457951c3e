package io.outboundcalls.telephony.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outboundcalls.platform.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** ConversationRelay's frames read and written. */
final class RelayFrames {

    private RelayFrames() {
    }

    /** Throws {@link IllegalArgumentException} for text that is not a JSON object with a {@code type}. */
    static RelayFrame parse(String text) {
        JsonNode frame;
        try {
            frame = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage());
        }
        if (frame == null || !frame.isObject() || !frame.path("type").isTextual()) {
            throw new IllegalArgumentException("A frame must be a JSON object with a type");
        }
        String type = frame.get("type").asText();
        return switch (type) {
            case "setup" -> new RelayFrame.Setup(text(frame, "sessionId"), text(frame, "callSid"), parameters(frame));
            case "prompt" -> new RelayFrame.Prompt(text(frame, "voicePrompt"), !frame.has("last") || frame.path("last").asBoolean(true));
            case "interrupt" -> new RelayFrame.Interrupt(text(frame, "utteranceUntilInterrupt"),
                    milliseconds(frame.path("durationUntilInterruptMs")));
            case "dtmf" -> new RelayFrame.Dtmf(text(frame, "digit"));
            case "error" -> new RelayFrame.Error(text(frame, "description"));
            default -> new RelayFrame.Other(type);
        };
    }

    /** Written by hand (one per token, the relay's hottest path): the same bytes as Jackson writes for the object. */
    static String text(String token, boolean last) {
        StringBuilder frame = new StringBuilder(token.length() + 40).append("{\"type\":\"text\",\"token\":\"");
        JsonStringEncoder.getInstance().quoteAsString(token, frame);
        return frame.append("\",\"last\":").append(last).append('}').toString();
    }

    /** Ends the session; Twilio hands {@code handoffData} (a JSON string) to the {@code <Connect action>} URL. */
    static String end(String action, String reason, String transferNumber) {
        ObjectNode handoff = Json.MAPPER.createObjectNode().put("action", action).put("reason", reason);
        if (transferNumber != null) {
            handoff.put("transfer_number", transferNumber);
        }
        return Json.MAPPER.createObjectNode().put("type", "end").put("handoffData", handoff.toString()).toString();
    }

    private static String text(JsonNode frame, String field) {
        JsonNode value = frame.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    /** A number, or a numeric string; anything else counts as 0. */
    private static long milliseconds(JsonNode value) {
        if (value.isNumber()) {
            return Math.max(0, value.asLong());
        }
        if (value.isTextual()) {
            try {
                return Math.max(0, Math.round(Double.parseDouble(value.asText().strip())));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private static Map<String, String> parameters(JsonNode frame) {
        Map<String, String> parameters = new LinkedHashMap<>();
        frame.path("customParameters").fields().forEachRemaining(entry -> {
            if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
                parameters.put(entry.getKey(), entry.getValue().asText());
            }
        });
        return parameters;
    }
}
