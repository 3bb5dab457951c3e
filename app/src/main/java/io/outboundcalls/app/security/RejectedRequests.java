package io.outboundcalls.app.security;

import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * A request the firewall refuses is a 400 problem+json: {@code invalid_path} for a path that is
 * not canonical, {@code invalid_header} for control characters in a header. Also used by the MVC
 * exception handler, since header checks happen when the controller reads them.
 */
@Component
public class RejectedRequests implements RequestRejectedHandler {

    private final ProblemWriter problems;

    RejectedRequests(ProblemWriter problems) {
        this.problems = problems;
    }

    public static ApiException problem(RequestRejectedException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("header")) {
            return ApiException.badRequest("invalid_header", null,
                    "A request header holds a character that is not allowed (control characters are refused)");
        }
        return ApiException.badRequest("invalid_path", null, CanonicalPathFirewall.NOT_CANONICAL);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        problems.write(problem(e), request, response);
    }
}
