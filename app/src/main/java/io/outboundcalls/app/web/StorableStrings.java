package io.outboundcalls.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.command.common.StorableText;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every string of a request that PostgreSQL could not store ({@link StorableText}), each as an
 * {@code invalid_string} field error named like {@link JsonFields} names params ({@code metadata.plan},
 * {@code analysis.fields.0.name}). Checked once at the edge, before any controller reads the request.
 */
final class StorableStrings {

    /** One error per param, in the order met (a key and its value, or two values of one parameter, are one error). */
    private final Map<String, FieldError> errors = new LinkedHashMap<>();

    private StorableStrings() {
    }

    /** Every string of a JSON body: values and object keys, at any depth. */
    static List<FieldError> inJson(JsonNode body) {
        StorableStrings found = new StorableStrings();
        found.walk(body, "");
        return List.copyOf(found.errors.values());
    }

    /** Every parameter of a request (its query string and, for uploads, its form fields): names and values. */
    static List<FieldError> inParameters(Map<String, String[]> parameters) {
        StorableStrings found = new StorableStrings();
        parameters.keySet().stream().sorted().forEach(name -> {
            found.check("The parameter name '" + name + "'", name, name);
            for (String value : parameters.get(name)) {
                found.check("'" + name + "'", name, value);
            }
        });
        return List.copyOf(found.errors.values());
    }

    private void walk(JsonNode node, String path) {
        if (node.isTextual()) {
            check("'" + path + "'", path, node.textValue());
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String param = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                check("The key '" + param + "'", param, field.getKey());
                walk(field.getValue(), param);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path.isEmpty() ? String.valueOf(i) : path + "." + i);
            }
        }
    }

    private void check(String subject, String param, String text) {
        String problem = StorableText.problem(text);
        if (problem != null) {
            errors.putIfAbsent(param, new FieldError(param, StorableText.INVALID_STRING, subject + " " + problem));
        }
    }
}
