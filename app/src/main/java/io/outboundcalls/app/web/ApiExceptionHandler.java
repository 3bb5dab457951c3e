package io.outboundcalls.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.outboundcalls.app.security.RejectedRequests;
import io.outboundcalls.command.campaign.InvalidCampaignSettingsException;
import io.outboundcalls.command.common.CommandRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into problem+json. Known refusals keep their code; a database out of reach is
 * 503 ({@link DatabaseUnavailable}); anything else unexpected is logged with the request id and
 * answered 500 without a stack trace, SQL or class name.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ProblemWriter problems;

    ApiExceptionHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e, HttpServletRequest request) {
        return problems.entity(e, request);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandExecution(CommandExecutionException e, HttpServletRequest request) {
        if (e.getCause() instanceof RuntimeException cause && !(cause instanceof CommandExecutionException)) {
            return domain(cause, request);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler({CommandRejectedException.class, AggregateNotFoundException.class})
    ResponseEntity<Object> domain(RuntimeException e, HttpServletRequest request) {
        if (e instanceof InvalidCampaignSettingsException invalid) {
            return problems.entity(ApiException.validation(invalid.violations().stream()
                    .map(v -> new FieldError(v.param(), v.code(), v.detail())).toList()), request);
        }
        if (e instanceof CommandRejectedException rejected) {
            HttpStatus status = switch (rejected.kind()) {
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case CONFLICT -> HttpStatus.CONFLICT;
                case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
            };
            return problems.entity(new ApiException(status, rejected.code(), rejected.param(), rejected.getMessage()), request);
        }
        if (e instanceof AggregateNotFoundException notFound) {
            return problems.entity(new ApiException(HttpStatus.NOT_FOUND, "resource_missing", "id",
                    "No such object: '" + notFound.getAggregateIdentifier() + "'"), request);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(JsonProcessingException.class)
    ResponseEntity<Object> json(JsonProcessingException e, HttpServletRequest request) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr();
        return problems.entity(ApiException.badRequest("invalid_json", null,
                "The request body is not valid JSON" + where), request);
    }

    /** The firewall checks headers and parameter names when they are read, inside the controller. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e, HttpServletRequest request) {
        return problems.entity(RejectedRequests.problem(e), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> noRoute(NoResourceFoundException e, HttpServletRequest request) {
        return problems.entity(new ApiException(HttpStatus.NOT_FOUND, "route_not_found", null,
                "No such route: " + request.getMethod() + " " + request.getRequestURI()), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problems.entity(new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", null,
                request.getMethod() + " is not allowed on " + request.getRequestURI()), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problems.entity(new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", null,
                "Content-Type " + e.getContentType() + " is not supported here"), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return problems.entity(ApiException.badRequest("parameter_missing", e.getParameterName(),
                "Missing required parameter '" + e.getParameterName() + "'"), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return problems.entity(new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "request_too_large", null,
                "The upload exceeds the limit of " + e.getMaxUploadSize() + " bytes"), request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException e, HttpServletRequest request) {
        if (e.getRootCause() != null && e.getRootCause().getClass().getSimpleName().contains("SizeLimitExceeded")) {
            return problems.entity(new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "request_too_large", null,
                    "The upload exceeds the size limit"), request);
        }
        return problems.entity(ApiException.badRequest("invalid_multipart", null,
                "The multipart/form-data body could not be read"), request);
    }

    /** Every failure the handlers above do not recognise ends here; a database out of reach is told from a bug. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseUnavailable.isCause(e)) {
            log.warn("Database unavailable on {} {} ({}): {}", request.getMethod(), request.getRequestURI(),
                    RequestIds.of(request), e.toString());
            return DatabaseUnavailable.entity(problems, request);
        }
        log.error("Unexpected failure on {} {} ({})", request.getMethod(), request.getRequestURI(),
                RequestIds.of(request), e);
        return problems.entity(new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", null,
                "Something went wrong on our side. Quote request id " + RequestIds.of(request) + " when you contact us."),
                request);
    }
}
