package io.outboundcalls.app.web;

import io.outboundcalls.command.account.AccountRegistry;
import io.outboundcalls.command.account.AccountRegistry.Principal;
import io.outboundcalls.command.account.ApiKeys;
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
import java.util.Optional;

/**
 * Authenticates every /v1 request by its Bearer API key. The lookup reads the command side's
 * key table on every request, so a revoked key fails on the very next request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ApiKeyAuthFilter extends OncePerRequestFilter {

    static final String OPENAPI_PATH = "/v1/openapi.json";

    private final AccountRegistry registry;
    private final ApiKeyUsage usage;
    private final ProblemWriter problems;

    ApiKeyAuthFilter(AccountRegistry registry, ApiKeyUsage usage, ProblemWriter problems) {
        this.registry = registry;
        this.usage = usage;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/v1/") || path.equals(OPENAPI_PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            refuse(request, response, "missing_api_key",
                    "No API key provided. Send it as 'Authorization: Bearer sk_live_…'");
            return;
        }
        String secret = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        if (!ApiKeys.looksLikeKey(secret)) {
            refuse(request, response, "invalid_api_key",
                    "Malformed Authorization header: expected 'Bearer sk_live_…'");
            return;
        }
        Optional<Principal> principal = registry.findByKeyHash(ApiKeys.hash(secret));
        if (principal.isEmpty()) {
            refuse(request, response, "invalid_api_key", "Invalid API key: it is unknown or has been revoked");
            return;
        }
        request.setAttribute(ApiPrincipals.ATTRIBUTE, principal.get());
        usage.touch(principal.get().keyId());
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String code, String detail)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"OutboundCalls\"");
        problems.write(new ApiException(HttpStatus.UNAUTHORIZED, code, null, detail), request, response);
    }
}
