package io.outboundcalls.app.security;

import io.outboundcalls.app.ratelimit.ClientAddressLimits;
import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.ApiKeyUsage;
import io.outboundcalls.app.web.ApiPrincipals;
import io.outboundcalls.app.web.DatabaseUnavailable;
import io.outboundcalls.app.web.ProblemWriter;
import io.outboundcalls.command.account.AccountRegistry.Principal;
import io.outboundcalls.command.account.ApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Authenticates a /v1 request by its Bearer API key, through {@link PrincipalCache}: a key revoked
 * on any node fails on the very next request. A request without a valid key is
 * counted against its client address (429 once that address keeps failing) and answered 401. With
 * the database out of reach the lookup cannot decide: 503, as for any other request.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final PrincipalCache registry;
    private final ApiKeyUsage usage;
    private final ClientAddressLimits addressLimits;
    private final ProblemWriter problems;

    ApiKeyAuthenticationFilter(PrincipalCache registry, ApiKeyUsage usage, ClientAddressLimits addressLimits,
                               ProblemWriter problems) {
        this.registry = registry;
        this.usage = usage;
        this.addressLimits = addressLimits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityConfiguration.OPENAPI_DOCUMENT.equals(request.getRequestURI())) {
            if (!addressLimits.refuse(ClientAddressLimits.Scope.ANONYMOUS, request, response)) {
                chain.doFilter(request, response);
            }
            return;
        }
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            refuse(request, response, "missing_api_key",
                    "No API key provided. Send it as 'Authorization: Bearer sk_live_…'");
            return;
        }
        String secret = BearerToken.of(request);
        if (!ApiKeys.looksLikeKey(secret)) {
            refuse(request, response, "invalid_api_key", "Malformed Authorization header: expected 'Bearer sk_live_…'");
            return;
        }
        Optional<Principal> principal;
        try {
            principal = registry.findByKeyHash(ApiKeys.hash(secret));
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            DatabaseUnavailable.write(problems, request, response);
            return;
        }
        if (principal.isEmpty()) {
            refuse(request, response, "invalid_api_key", "Invalid API key: it is unknown or has been revoked");
            return;
        }
        request.setAttribute(ApiPrincipals.ATTRIBUTE, principal.get());
        SecurityContextHolder.getContext().setAuthentication(new PreAuthenticatedAuthenticationToken(principal.get(),
                null, List.of(SecurityConfiguration.CUSTOMER)));
        usage.touch(principal.get().keyId());
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String code, String detail)
            throws IOException {
        if (addressLimits.refuse(ClientAddressLimits.Scope.ANONYMOUS, request, response)) {
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer realm=\"OutboundCalls\"");
        problems.write(new ApiException(HttpStatus.UNAUTHORIZED, code, null, detail), request, response);
    }
}
