package io.outboundcalls.console.api;

import io.outboundcalls.platform.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the API answered: status, content type and body; JSON bodies are read on demand. */
public record ApiReply(int status, String contentType, byte[] body, Map<String, String> headers) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public JsonNode json() {
        try {
            return body.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body as maps ({@link ApiObject}) and lists, for templates. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map() {
        return ApiObject.map(Json.MAPPER.convertValue(json(), Map.class));
    }

    /** {@code data} of a list answer. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> data() {
        Object data = map().get("data");
        return data instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /**
     * A problem's messages by field ({@code param}), as the API wrote them; a problem without a
     * field is filed under {@code ""}.
     */
    public Map<String, String> fieldErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        JsonNode problem = json();
        JsonNode list = problem.path("errors");
        if (list.isArray() && !list.isEmpty()) {
            list.forEach(e -> errors.putIfAbsent(e.path("param").asText(""), e.path("detail").asText()));
        } else {
            errors.put(problem.path("param").asText(""), problem.path("detail").asText("The request was refused"));
        }
        return errors;
    }
}
