package io.outboundcalls.console.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An API object for templates: a field the API left out reads as null. Templates write
 * {@code ${agent.voice}}, which Spring's map accessor would otherwise refuse for an absent key,
 * and the API leaves out fields that are not set.
 */
public final class ApiObject extends LinkedHashMap<String, Object> {

    private ApiObject(Map<String, ?> fields) {
        super(fields);
    }

    @Override
    public boolean containsKey(Object key) {
        return true;
    }

    /** The value with every nested map made an {@link ApiObject} too. */
    @SuppressWarnings("unchecked")
    public static Object of(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), of(v)));
            return new ApiObject(copy);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ApiObject::of).toList();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, ?> value) {
        return (Map<String, Object>) of(value);
    }
}
