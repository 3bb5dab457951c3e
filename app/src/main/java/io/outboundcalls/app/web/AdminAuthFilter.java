package io.outboundcalls.app.web;

import io.outboundcalls.app.config.OutboundCallsProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The operator API: off (404) without a configured token, 401 with a wrong one. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class AdminAuthFilter extends OncePerRequestFilter {

    private final OutboundCallsProperties properties;
    private final ProblemWriter problems;

    AdminAuthFilter(OutboundCallsProperties properties, ProblemWriter problems) {
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/admin");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!properties.adminEnabled()) {
            problems.write(new ApiException(HttpStatus.NOT_FOUND, "route_not_found", null,
                    "No such route: " + request.getRequestURI()), request, response);
            return;
        }
        String header = request.getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
        if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                properties.adminToken().getBytes(StandardCharsets.UTF_8))) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"OutboundCalls admin\"");
            problems.write(new ApiException(HttpStatus.UNAUTHORIZED, "invalid_admin_token", null,
                    "The operator token is missing or wrong"), request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
