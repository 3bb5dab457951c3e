package io.outboundcalls.app.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * The problem+json answers of the conventions (docs/api.md, Errors), added to every operation they
 * apply to; a controller names the ones only it gives with {@code @ApiResponse(responseCode, description)}
 * and this fills in the Problem content.
 */
final class ProblemResponses implements OperationCustomizer {

    static final String SCHEMA_NAME = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        boolean reads = handler.hasMethodAnnotation(GetMapping.class);
        boolean deletes = handler.hasMethodAnnotation(DeleteMapping.class);
        boolean hasId = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()));
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "invalid_request, unknown_parameter or a malformed query parameter or path");
        problems.put("401", "missing_api_key or invalid_api_key");
        if (hasId) {
            problems.put("404", "resource_missing: no such object in this account");
        }
        if (!reads) {
            problems.put("409", "a state conflict (such as campaign_not_startable) or idempotency_key_in_use");
        }
        if (operation.getRequestBody() != null) {
            problems.put("413", "request_too_large (file_too_large for an import)");
            problems.put("415", "unsupported_media_type");
        }
        if (!reads && !deletes) {
            problems.put("422", "a field is invalid (code of the first, such as parameter_missing; every field in errors[]), invalid_string or idempotency_key_reused");
        }
        problems.put("429", "rate_limited: see Retry-After");
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        problems.forEach((status, description) -> responses.putIfAbsent(status, new ApiResponse().description(description)));
        Map<String, ApiResponse> sorted = new TreeMap<>(responses);
        responses.clear();
        sorted.forEach((status, response) -> {
            if (status.startsWith("4") && response.getContent() == null) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA_NAME))));
            }
            responses.addApiResponse(status, response);
        });
        operation.setResponses(responses);
        return operation;
    }

    /** RFC 9457 with the service's additions, as {@code ProblemWriter} renders it. */
    static Schema<?> schema() {
        Schema<?> fieldError = new ObjectSchema().title("FieldError")
                .addProperty("param", new StringSchema().description("the offending field, dotted path"))
                .addProperty("code", new StringSchema())
                .addProperty("detail", new StringSchema());
        return new ObjectSchema()
                .description("An error (RFC 9457 problem details)")
                .addProperty("type", new StringSchema().example("https://outboundcalls.dev/problems/validation_failed"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("code", new StringSchema().description("stable machine-readable code").example("invalid_phone_number"))
                .addProperty("param", new StringSchema().nullable(true))
                .addProperty("request_id", new StringSchema().example("req_01JD8X3V2Q7N5W4Y6Z8A9B0C1D"))
                .addProperty("errors", new ArraySchema().items(fieldError).description("every invalid field of a validation failure"));
    }
}
