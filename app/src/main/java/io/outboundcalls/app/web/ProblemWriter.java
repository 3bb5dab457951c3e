package io.outboundcalls.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders RFC 9457 problem+json bodies: type, title, status, detail, code, param, request_id,
 * and errors[] for validation. Used by the MVC exception handler and by filters alike.
 */
@Component
public class ProblemWriter {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final String TYPE_BASE = "https://outboundcalls.dev/problems/";

    private final ObjectMapper objectMapper;

    ProblemWriter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public Map<String, Object> body(ApiException e, HttpServletRequest request) {
        return body(e, RequestIds.of(request));
    }

    /** The body for a request id known without a request (Tomcat's own refusals, {@link ContainerErrors}). */
    public static Map<String, Object> body(ApiException e, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + e.code());
        body.put("title", titleOf(e.status()));
        body.put("status", e.status().value());
        body.put("detail", e.getMessage());
        body.put("code", e.code());
        body.put("param", e.param());
        body.put("request_id", requestId);
        if (!e.errors().isEmpty()) {
            List<Map<String, String>> errors = e.errors().stream().map(error -> {
                Map<String, String> item = new LinkedHashMap<>();
                item.put("param", error.param());
                item.put("code", error.code());
                item.put("detail", error.detail());
                return item;
            }).toList();
            body.put("errors", errors);
        }
        return body;
    }

    public ResponseEntity<Object> entity(ApiException e, HttpServletRequest request) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status()).contentType(PROBLEM_JSON);
        if (e.retryAfterSeconds() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds().toString());
        }
        return answer.body(body(e, request));
    }

    public void write(ApiException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(e, Map.of(), request, response);
    }

    /** With fields of the problem's own beside the standard ones (a 429's {@code limit}). */
    public void write(ApiException e, Map<String, Object> extraFields, HttpServletRequest request,
                      HttpServletResponse response) throws IOException {
        Map<String, Object> body = body(e, request);
        body.putAll(extraFields);
        response.setStatus(e.status().value());
        if (e.retryAfterSeconds() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds().toString());
        }
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), body);
    }

    private static String titleOf(HttpStatus status) {
        return switch (status) {
            case UNPROCESSABLE_ENTITY -> "Invalid request";
            default -> status.getReasonPhrase();
        };
    }
}
