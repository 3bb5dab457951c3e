package io.outboundcalls.app.web;

import org.springframework.http.HttpStatus;

import java.util.List;

/** A request the API refuses, carrying everything its problem+json answer needs. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String param;
    private final List<FieldError> errors;
    private final Long retryAfterSeconds;

    public ApiException(HttpStatus status, String code, String param, String detail, List<FieldError> errors) {
        this(status, code, param, detail, errors, null);
    }

    private ApiException(HttpStatus status, String code, String param, String detail, List<FieldError> errors,
                         Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.param = param;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ApiException(HttpStatus status, String code, String param, String detail) {
        this(status, code, param, detail, List.of());
    }

    /** The first error names the problem; all of them are listed. */
    public static ApiException validation(List<FieldError> errors) {
        FieldError first = errors.get(0);
        String detail = errors.size() == 1 ? first.detail()
                : first.detail() + " (and " + (errors.size() - 1) + " more error" + (errors.size() > 2 ? "s" : "") + ")";
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, first.code(), first.param(), detail, errors);
    }

    public static ApiException badRequest(String code, String param, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, param, detail);
    }

    public static ApiException notFound(String resource, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "resource_missing", "id", "No such " + resource + ": '" + id + "'");
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, null, detail);
    }

    /** The same refusal, telling the client when a retry may succeed ({@code Retry-After}). */
    public ApiException retryAfter(long seconds) {
        return new ApiException(status, code, param, getMessage(), errors, seconds);
    }

    /** Seconds for {@code Retry-After}, or null when retrying will not help. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
