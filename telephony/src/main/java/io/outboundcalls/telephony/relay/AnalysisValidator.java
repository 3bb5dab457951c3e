package io.outboundcalls.telephony.relay;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.events.agent.AnalysisField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps of a model's analysis only the agent's fields whose value has the field's type: a string, a number,
 * a boolean, or one of an enum's options. A null (the model could not tell) is left out quietly; a value of
 * the wrong type is left out and logged, never stored.
 */
final class AnalysisValidator {

    private static final Logger log = LoggerFactory.getLogger(AnalysisValidator.class);

    private AnalysisValidator() {
    }

    static Map<String, Object> validate(String callId, List<AnalysisField> fields, JsonNode analysis) {
        Map<String, Object> valid = new LinkedHashMap<>();
        for (AnalysisField field : fields) {
            JsonNode value = analysis.path(field.name());
            if (value.isMissingNode() || value.isNull()) {
                continue;
            }
            Object typed = typed(field, value);
            if (typed == null) {
                log.warn("Call {}: analysis field {} ({}) dropped, the model gave {}", callId, field.name(), type(field), value);
            } else {
                valid.put(field.name(), typed);
            }
        }
        return valid;
    }

    private static Object typed(AnalysisField field, JsonNode value) {
        return switch (type(field)) {
            case "number" -> value.isNumber() ? value.numberValue() : null;
            case "boolean" -> value.isBoolean() ? value.booleanValue() : null;
            case "enum" -> value.isTextual() && field.options() != null && field.options().contains(value.asText()) ? value.asText() : null;
            default -> value.isTextual() ? value.asText() : null;
        };
    }

    static String type(AnalysisField field) {
        return field.type() == null ? "string" : field.type();
    }
}
