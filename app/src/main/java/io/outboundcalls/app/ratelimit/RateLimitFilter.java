package io.outboundcalls.app.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.ApiPrincipals;
import io.outboundcalls.app.web.ProblemWriter;
import io.outboundcalls.app.web.RequestIds;
import io.outboundcalls.command.account.AccountRegistry.Principal;
import io.outboundcalls.events.account.Tier;
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
import java.util.Map;

/**
 * Applies the account's limits to every authenticated /v1 request and publishes the minute
 * window in {@code X-RateLimit-*} headers, set before the request runs so that every answer
 * (2xx, 4xx, 5xx) carries them. Runs after API-key authentication (it needs the account) and
 * before idempotency (a refused request must not claim its Idempotency-Key).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class RateLimitFilter extends OncePerRequestFilter {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";

    private final RateLimiter limiter;
    private final ProblemWriter problems;
    private final ObjectMapper objectMapper;
    private final boolean enabled;

    RateLimitFilter(RateLimiter limiter, ProblemWriter problems, ObjectMapper objectMapper, RateLimitProperties properties) {
        this.limiter = limiter;
        this.problems = problems;
        this.objectMapper = objectMapper;
        this.enabled = properties.enabled();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Principal principal = ApiPrincipals.of(request);
        if (principal == null) { // the OpenAPI document: public, not counted
            chain.doFilter(request, response);
            return;
        }
        EffectiveLimits limits = enabled ? EffectiveLimits.of(principal.tier(), principal.limits())
                : EffectiveLimits.of(Tier.ENTERPRISE, null);
        RateLimiter.Decision decision = limiter.acquire(principal.accountId(), RequestIds.of(request), limits);
        response.setHeader(LIMIT, Integer.toString(decision.limit()));
        response.setHeader(REMAINING, Integer.toString(decision.remaining()));
        response.setHeader(RESET, Long.toString(decision.resetAt()));
        if (!decision.allowed()) {
            refuse(decision, limits, request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (decision.holdsSlot()) {
                limiter.release(principal.accountId(), RequestIds.of(request));
            }
        }
    }

    private void refuse(RateLimiter.Decision decision, EffectiveLimits limits, HttpServletRequest request,
                        HttpServletResponse response) throws IOException {
        String detail = switch (decision.refusedBy()) {
            case MINUTE -> "Rate limit exceeded: " + limits.requestsPerMinute() + " requests per minute. Retry after "
                    + decision.retryAfter() + " s.";
            case BURST -> "Burst limit exceeded: " + limits.burstPerSecond() + " requests per second. Retry after "
                    + decision.retryAfter() + " s.";
            case CONCURRENCY -> "Concurrency limit exceeded: " + limits.concurrentRequests()
                    + " requests in flight at once. Retry when one of them has finished.";
        };
        ApiException e = new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", null, detail);
        Map<String, Object> body = problems.body(e, request);
        body.put("limit", decision.refusedBy().field);
        response.setHeader("Retry-After", Long.toString(decision.retryAfter()));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType(ProblemWriter.PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), body);
    }
}
