package io.outboundcalls.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Serves only canonical paths, so the path that security decisions see is the path Spring MVC
 * routes. Spring Security's strict firewall refuses matrix parameters ({@code ;}), dot segments,
 * doubled and encoded slashes, backslashes and control characters; this one also refuses any
 * percent-encoding in the path ({@code /%61dmin} decodes to {@code /admin}). No route of the
 * service needs an encoded character: ids are letters, digits and underscores, and free text
 * travels in the query string or the body.
 */
final class CanonicalPathFirewall implements HttpFirewall {

    static final String NOT_CANONICAL = "The request path is not in canonical form: percent-encoding, "
            + "'.' or '..' segments, '//', ';' and '\\' are refused; send the plain path, e.g. /v1/agents";

    private final StrictHttpFirewall strict = new StrictHttpFirewall();

    CanonicalPathFirewall() {
        // parameters are text like any other: the edge's one string check answers 422 invalid_string
        // (web/StorableParameters), as for JSON bodies, instead of a 400 here
        strict.setAllowedParameterNames(name -> true);
    }

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
        if (request.getRequestURI().indexOf('%') >= 0) {
            throw new RequestRejectedException(NOT_CANONICAL);
        }
        return strict.getFirewalledRequest(request);
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }
}
