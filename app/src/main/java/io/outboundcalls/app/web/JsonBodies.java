package io.outboundcalls.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;

/**
 * Parses JSON request bodies with errors a client can act on (line and column of a syntax error),
 * and refuses, for every route at once, strings PostgreSQL could not store (422 {@code invalid_string}).
 * Most bytes that are not UTF-8 are a syntax error (400 {@code invalid_json}); a NUL or a lone
 * surrogate, whether written as a JSON escape or in bytes Jackson decodes leniently (an overlong
 * form, a surrogate's three-byte form), reaches the tree and is refused there.
 */
@Component
public class JsonBodies {

    private final ObjectMapper objectMapper;

    JsonBodies(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** The body as JSON; an empty body reads as an empty object. */
    public JsonFields read(HttpServletRequest request) {
        String contentType = request.getContentType();
        byte[] body = CachedBodyRequest.bodyOf(request);
        if (body == null || body.length == 0) {
            return JsonFields.of(null);
        }
        if (contentType != null && !contentType.toLowerCase().contains("json")) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", null,
                    "Send the body as application/json (got " + contentType + ")");
        }
        try {
            JsonNode node = objectMapper.readTree(body);
            JsonFields fields = JsonFields.of(node);
            List<FieldError> unstorable = StorableStrings.inJson(node);
            if (!unstorable.isEmpty()) {
                throw ApiException.validation(unstorable);
            }
            return fields;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw ApiException.badRequest("invalid_json", null, "The request body is not valid JSON" + where);
        } catch (IOException e) {
            throw ApiException.badRequest("invalid_json", null, "The request body could not be read");
        }
    }
}
