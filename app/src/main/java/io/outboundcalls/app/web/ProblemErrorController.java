package io.outboundcalls.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Failures outside Spring MVC (in the container) still answer problem+json, never an HTML page. */
@RestController
class ProblemErrorController implements ErrorController {

    private final ProblemWriter problems;

    ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request) {
        // a filter that read the database (the API-key lookup) and failed lands here
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && DatabaseUnavailable.isCause(failure)) {
            return DatabaseUnavailable.entity(problems, request);
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String errorCode = switch (status) {
            case NOT_FOUND -> "route_not_found";
            case PAYLOAD_TOO_LARGE -> "request_too_large";
            case BAD_REQUEST -> "invalid_request";
            default -> status.is5xxServerError() ? "internal_error" : "request_failed";
        };
        return problems.entity(new ApiException(status, errorCode, null, status.getReasonPhrase()), request);
    }
}
