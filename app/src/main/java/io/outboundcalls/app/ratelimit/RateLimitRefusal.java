package io.outboundcalls.app.ratelimit;

import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Map;

/** The 429 {@code rate_limited} answer: which limit was hit, and {@code Retry-After}. */
@Component
class RateLimitRefusal {

    private final ProblemWriter problems;

    RateLimitRefusal(ProblemWriter problems) {
        this.problems = problems;
    }

    void write(RateLimiter.Decision decision, EffectiveLimits limits, String whose, HttpServletRequest request,
               HttpServletResponse response) throws IOException {
        String detail = switch (decision.refusedBy()) {
            case MINUTE -> "Rate limit exceeded: " + limits.requestsPerMinute() + " requests per minute " + whose
                    + ". Retry after " + decision.retryAfter() + " s.";
            case BURST -> "Burst limit exceeded: " + limits.burstPerSecond() + " requests per second " + whose
                    + ". Retry after " + decision.retryAfter() + " s.";
            case CONCURRENCY -> "Concurrency limit exceeded: " + limits.concurrentRequests()
                    + " requests in flight at once " + whose + ". Retry when one of them has finished.";
        };
        response.setHeader("Retry-After", Long.toString(decision.retryAfter()));
        problems.write(new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", null, detail),
                Map.of("limit", decision.refusedBy().field), request, response);
    }
}
