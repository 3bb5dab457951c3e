package io.outboundcalls.app.ratelimit;

import io.outboundcalls.app.web.ApiPrincipals;
import io.outboundcalls.app.web.RequestIds;
import io.outboundcalls.command.account.AccountRegistry.Principal;
import io.outboundcalls.events.account.Tier;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Applies the account's limits to every authenticated /v1 request and publishes the minute
 * window in {@code X-RateLimit-*} headers, set before the request runs so that every answer
 * (2xx, 4xx, 5xx) carries them. Part of the /v1 security filter chain, right after API-key
 * authentication (it needs the account) and before the request's body is read or its
 * Idempotency-Key claimed (a refused request must not claim it).
 */
@Component
public class RateLimitFilter extends OncePerRequestFilter {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";

    private final RateLimiter limiter;
    private final RateLimitRefusal refusal;
    private final boolean enabled;

    RateLimitFilter(RateLimiter limiter, RateLimitRefusal refusal, RateLimitProperties properties) {
        this.limiter = limiter;
        this.refusal = refusal;
        this.enabled = properties.enabled();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Principal principal = ApiPrincipals.of(request);
        if (principal == null) { // the public OpenAPI document, limited per address by authentication
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
            refusal.write(decision, limits, "for this account", request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (decision.holdsSlot()) {
                release(principal.accountId(), request);
            }
        }
    }

    /** A stream (async request) holds its slot until it ends, not only until its handler returns. */
    private void release(String accountId, HttpServletRequest request) {
        String requestId = RequestIds.of(request);
        if (!request.isAsyncStarted()) {
            limiter.release(accountId, requestId);
            return;
        }
        limiter.holdUntilReleased(accountId, requestId);
        request.getAsyncContext().addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                limiter.release(accountId, requestId);
            }

            @Override
            public void onTimeout(AsyncEvent event) {
            }

            @Override
            public void onError(AsyncEvent event) {
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
    }
}
