package io.outboundcalls.telephony.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outboundcalls.events.agent.AgentSettings;
import io.outboundcalls.events.agent.AnalysisField;
import io.outboundcalls.events.agent.AnalysisSettings;
import io.outboundcalls.events.call.TranscriptTurn;
import io.outboundcalls.platform.Json;
import io.outboundcalls.telephony.llm.ChatMessage;
import io.outboundcalls.telephony.llm.LlmClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The after-call analysis: one completion whose answer must match a JSON schema built from the agent's
 * {@code analysis.fields} ({@code response_format: json_schema}, strict, every field nullable so the model
 * need not invent what the call did not say). Failures give no summary and no fields, never an exception.
 */
final class CallAnalysis {

    record Result(String summary, Map<String, Object> fields) {
        static final Result NONE = new Result(null, Map.of());
    }

    private static final Logger log = LoggerFactory.getLogger(CallAnalysis.class);
    private static final String INSTRUCTIONS = "You review a finished phone call between an AI agent and the person it called."
            + " Answer with JSON only: `summary` is two or three sentences on what was said and agreed;"
            + " `analysis` holds each requested field, null when the call does not tell.";

    private CallAnalysis() {
    }

    static CompletableFuture<Result> analyze(LlmClient llm, String callId, AgentSettings agent, List<TranscriptTurn> transcript) {
        AnalysisSettings settings = agent.analysis() == null ? AnalysisSettings.DEFAULT : agent.analysis();
        List<AnalysisField> fields = settings.fields() == null ? List.of() : settings.fields();
        if (transcript.isEmpty() || (!settings.summary() && fields.isEmpty())) {
            return CompletableFuture.completedFuture(Result.NONE);
        }
        List<ChatMessage> messages = List.of(ChatMessage.system(INSTRUCTIONS), ChatMessage.user(describe(agent, transcript)));
        return llm.complete(messages, responseFormat(fields))
                .thenApply(content -> read(callId, settings, fields, content))
                .exceptionally(error -> {
                    log.warn("Call {}: the analysis failed: {}", callId, error.toString());
                    return Result.NONE;
                });
    }

    static ObjectNode responseFormat(List<AnalysisField> fields) {
        ObjectNode format = Json.MAPPER.createObjectNode();
        ObjectNode schema = format.putObject("response_format").put("type", "json_schema")
                .putObject("json_schema").put("name", "call_analysis").put("strict", true).putObject("schema");
        schema.put("type", "object").put("additionalProperties", false);
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("summary").put("type", "string");
        ObjectNode analysis = properties.putObject("analysis").put("type", "object").put("additionalProperties", false);
        ObjectNode fieldProperties = analysis.putObject("properties");
        ArrayNode required = analysis.putArray("required");
        for (AnalysisField field : fields) {
            ObjectNode property = fieldProperties.putObject(field.name());
            String type = AnalysisValidator.type(field);
            property.putArray("type").add("enum".equals(type) ? "string" : type).add("null");
            if ("enum".equals(type)) {
                ArrayNode options = property.putArray("enum");
                (field.options() == null ? List.<String>of() : field.options()).forEach(options::add);
                options.addNull();
            }
            if (field.description() != null) {
                property.put("description", field.description());
            }
            required.add(field.name());
        }
        schema.putArray("required").add("summary").add("analysis");
        return format;
    }

    static Result read(String callId, AnalysisSettings settings, List<AnalysisField> fields, String content) {
        JsonNode answer;
        try {
            answer = Json.MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            log.warn("Call {}: the analysis is not JSON: {}", callId, e.getOriginalMessage());
            return Result.NONE;
        }
        String summary = settings.summary() && answer.path("summary").isTextual() && !answer.get("summary").asText().isBlank()
                ? answer.get("summary").asText().strip() : null;
        return new Result(summary, AnalysisValidator.validate(callId, fields, answer.path("analysis")));
    }

    private static String describe(AgentSettings agent, List<TranscriptTurn> transcript) {
        StringBuilder text = new StringBuilder("The agent's instructions:\n").append(agent.prompt()).append("\n\nThe call:\n");
        transcript.forEach(turn -> text.append(turn.role()).append(": ").append(turn.text()).append('\n'));
        return text.toString();
    }
}
