package io.outboundcalls.app.security;

import io.outboundcalls.app.config.OutboundCallsProperties;
import io.outboundcalls.app.ratelimit.ClientAddressLimits;
import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * The operator API: absent (404) without a configured token; otherwise every request is counted
 * per client address, then its Bearer token compared in constant time (401 when wrong).
 */
class OperatorTokenFilter extends OncePerRequestFilter {

    private final byte[] token;
    private final ClientAddressLimits addressLimits;
    private final ProblemWriter problems;

    OperatorTokenFilter(OutboundCallsProperties properties, ClientAddressLimits addressLimits, ProblemWriter problems) {
        this.token = properties.adminEnabled() ? properties.adminToken().getBytes(StandardCharsets.UTF_8) : null;
        this.addressLimits = addressLimits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (token == null) {
            problems.write(new ApiException(HttpStatus.NOT_FOUND, "route_not_found", null,
                    "No such route: " + request.getRequestURI()), request, response);
            return;
        }
        if (addressLimits.refuse(ClientAddressLimits.Scope.OPERATOR, request, response)) {
            return;
        }
        String sent = BearerToken.of(request);
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token)) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"OutboundCalls admin\"");
            problems.write(new ApiException(HttpStatus.UNAUTHORIZED, "invalid_admin_token", null,
                    "The operator token is missing or wrong"), request, response);
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new PreAuthenticatedAuthenticationToken("operator",
                null, List.of(SecurityConfiguration.OPERATOR)));
        chain.doFilter(request, response);
    }
}
