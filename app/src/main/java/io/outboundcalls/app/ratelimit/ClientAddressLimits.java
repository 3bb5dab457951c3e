package io.outboundcalls.app.ratelimit;

import io.outboundcalls.app.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Limits for requests that no account pays for, counted per client address in the same
 * cluster-wide windows as accounts' requests: operator requests, and customer requests that
 * carry no valid API key. The address is the connection's peer ({@code getRemoteAddr()}); behind
 * a reverse proxy, set {@code server.forward-headers-strategy} so that it is the client's.
 */
@Component
public class ClientAddressLimits {

    public enum Scope {
        OPERATOR("from this address to the operator API"),
        ANONYMOUS("without a valid API key from this address");

        private final String whose;

        Scope(String whose) {
            this.whose = whose;
        }
    }

    private final RateLimiter limiter;
    private final RateLimitRefusal refusal;
    private final boolean enabled;
    private final EffectiveLimits operator;
    private final EffectiveLimits anonymous;

    ClientAddressLimits(RateLimiter limiter, RateLimitRefusal refusal, RateLimitProperties properties) {
        this.limiter = limiter;
        this.refusal = refusal;
        this.enabled = properties.enabled();
        RateLimitProperties.PerAddress p = properties.perAddress();
        this.operator = new EffectiveLimits(p.operatorRequestsPerMinute(), p.operatorBurstPerSecond(), EffectiveLimits.UNLIMITED);
        this.anonymous = new EffectiveLimits(p.anonymousRequestsPerMinute(), p.anonymousBurstPerSecond(), EffectiveLimits.UNLIMITED);
    }

    /**
     * Counts the request in its address's window.
     *
     * @return true when the request is refused; the 429 has then been written
     */
    public boolean refuse(Scope scope, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!enabled) {
            return false;
        }
        EffectiveLimits limits = scope == Scope.OPERATOR ? operator : anonymous;
        RateLimiter.Decision decision = limiter.acquire(key(scope, request.getRemoteAddr()), RequestIds.of(request), limits);
        if (decision.allowed()) {
            return false;
        }
        refusal.write(decision, limits, scope.whose, request, response);
        return true;
    }

    /** Shares the accounts' key column (40 characters): a digest fits any IPv6 text and cannot collide with an account id. */
    static String key(Scope scope, String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((scope.name() + " " + address).getBytes(StandardCharsets.UTF_8));
            return "addr_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
