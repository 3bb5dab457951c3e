package io.outboundcalls.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and validates a JSON object field by field, collecting every error instead of stopping
 * at the first, so one 422 lists all that is wrong. Fields nobody read are reported as
 * {@code unknown_parameter} (a typo must not be silently ignored).
 *
 * <pre>
 * JsonFields f = JsonFields.of(body);
 * String name = f.requiredString("name", 200);
 * Integer max = f.optionalInt("max_duration_seconds", 1, 3600);
 * f.throwIfInvalid();
 * </pre>
 */
public final class JsonFields {

    private final ObjectNode node;
    private final String path;
    private final List<FieldError> errors;
    private final Set<String> read = new HashSet<>();
    private final List<JsonFields> children = new ArrayList<>();

    private JsonFields(ObjectNode node, String path, List<FieldError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    public static JsonFields of(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            return new JsonFields(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), "", new ArrayList<>());
        }
        if (!body.isObject()) {
            throw ApiException.badRequest("invalid_json", null, "The request body must be a JSON object");
        }
        return new JsonFields((ObjectNode) body, "", new ArrayList<>());
    }

    public String param(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** Present in the body, even if null (PATCH uses this to tell "clear" from "leave alone"). */
    public boolean has(String field) {
        read.add(field);
        return node.has(field);
    }

    public boolean isNull(String field) {
        read.add(field);
        return node.has(field) && node.get(field).isNull();
    }

    public void error(String field, String code, String detail) {
        errors.add(new FieldError(param(field), code, detail));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public String requiredString(String field, int maxLength) {
        String value = optionalString(field, maxLength);
        if (value == null && !hasErrorFor(field)) {
            error(field, "parameter_missing", "'" + param(field) + "' is required");
        }
        return value;
    }

    /** A string, trimmed; null when absent or null. Empty strings count as missing. */
    public String optionalString(String field, int maxLength) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            error(field, "invalid_type", "'" + param(field) + "' must be a string");
            return null;
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            error(field, "invalid_value", "'" + param(field) + "' must not be empty");
            return null;
        }
        if (text.length() > maxLength) {
            error(field, "too_long", "'" + param(field) + "' must be at most " + maxLength + " characters");
            return null;
        }
        return text;
    }

    public String optionalEnum(String field, Collection<String> allowed) {
        String value = optionalString(field, 100);
        if (value != null && !allowed.contains(value)) {
            error(field, "invalid_value", "'" + param(field) + "' must be one of " + String.join(", ", allowed));
            return null;
        }
        return value;
    }

    public Integer optionalInt(String field, int min, int max) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            error(field, "invalid_type", "'" + param(field) + "' must be an integer");
            return null;
        }
        int number = value.intValue();
        if (number < min || number > max) {
            error(field, "out_of_range", "'" + param(field) + "' must be between " + min + " and " + max);
            return null;
        }
        return number;
    }

    public Long optionalLong(String field, long min, long max) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            error(field, "invalid_type", "'" + param(field) + "' must be an integer");
            return null;
        }
        long number = value.longValue();
        if (number < min || number > max) {
            error(field, "out_of_range", "'" + param(field) + "' must be between " + min + " and " + max);
            return null;
        }
        return number;
    }

    public Boolean optionalBoolean(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            error(field, "invalid_type", "'" + param(field) + "' must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    /** A nested object, validated with the same collector; null when absent, null, or not an object. */
    public JsonFields optionalObject(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            error(field, "invalid_type", "'" + param(field) + "' must be an object");
            return null;
        }
        JsonFields child = new JsonFields((ObjectNode) value, param(field), errors);
        children.add(child);
        return child;
    }

    /** A list of objects, each read by {@code reader}; null when absent. */
    public <T> List<T> optionalObjectList(String field, int maxItems, Function<JsonFields, T> reader) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            error(field, "invalid_type", "'" + param(field) + "' must be an array");
            return null;
        }
        if (value.size() > maxItems) {
            error(field, "too_many_items", "'" + param(field) + "' may hold at most " + maxItems + " items");
            return null;
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = param(field) + "." + i;
            if (!item.isObject()) {
                errors.add(new FieldError(itemPath, "invalid_type", "'" + itemPath + "' must be an object"));
                continue;
            }
            JsonFields child = new JsonFields((ObjectNode) item, itemPath, errors);
            children.add(child);
            items.add(reader.apply(child));
        }
        return items;
    }

    public List<String> optionalStringList(String field, int maxItems, int maxLength) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            error(field, "invalid_type", "'" + param(field) + "' must be an array of strings");
            return null;
        }
        if (value.size() > maxItems) {
            error(field, "too_many_items", "'" + param(field) + "' may hold at most " + maxItems + " items");
            return null;
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = param(field) + "." + i;
            if (!item.isTextual() || item.asText().isBlank()) {
                errors.add(new FieldError(itemPath, "invalid_type", "'" + itemPath + "' must be a non-empty string"));
            } else if (item.asText().length() > maxLength) {
                errors.add(new FieldError(itemPath, "too_long", "'" + itemPath + "' must be at most " + maxLength + " characters"));
            } else {
                items.add(item.asText().strip());
            }
        }
        return items;
    }

    /**
     * A string-to-string map such as {@code metadata}: at most {@code maxKeys} keys of at most 40
     * characters, values strings of at most 500. A null value is kept as "" (PATCH: remove the key).
     */
    public Map<String, String> optionalStringMap(String field, int maxKeys) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            error(field, "invalid_type", "'" + param(field) + "' must be an object of string values");
            return null;
        }
        if (value.size() > maxKeys) {
            error(field, "too_many_items", "'" + param(field) + "' may hold at most " + maxKeys + " keys");
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        value.fields().forEachRemaining(entry -> {
            String keyPath = param(field) + "." + entry.getKey();
            JsonNode v = entry.getValue();
            if (entry.getKey().isBlank() || entry.getKey().length() > 40) {
                errors.add(new FieldError(keyPath, "invalid_value", "Keys of '" + param(field) + "' must be 1 to 40 characters"));
            } else if (v.isNull()) {
                map.put(entry.getKey(), "");
            } else if (!v.isTextual()) {
                errors.add(new FieldError(keyPath, "invalid_type", "'" + keyPath + "' must be a string"));
            } else if (v.asText().length() > 500) {
                errors.add(new FieldError(keyPath, "too_long", "'" + keyPath + "' must be at most 500 characters"));
            } else {
                map.put(entry.getKey(), v.asText());
            }
        });
        return map;
    }

    /**
     * Reports unknown fields (here and in every nested object read) and returns every error, for a
     * caller that adds errors of its own before throwing; call it once, instead of {@link #throwIfInvalid}.
     */
    public List<FieldError> errors() {
        reportUnknown();
        return List.copyOf(errors);
    }

    /** Reports unknown fields (here and in every nested object read) and throws when anything is wrong. */
    public void throwIfInvalid() {
        reportUnknown();
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }

    private void reportUnknown() {
        node.fieldNames().forEachRemaining(name -> {
            if (!read.contains(name)) {
                errors.add(new FieldError(param(name), "unknown_parameter", "Unknown parameter '" + param(name) + "'"));
            }
        });
        children.forEach(JsonFields::reportUnknown);
    }

    private boolean hasErrorFor(String field) {
        String p = param(field);
        return errors.stream().anyMatch(e -> e.param().equals(p));
    }

    private JsonNode value(String field) {
        read.add(field);
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }
}
