package io.outboundcalls.app.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param enabled    whether requests are limited at all (headers are sent either way)
 * @param lease      how long an in-flight slot is held at most: a request running longer, or one
 *                   whose node crashed, gives its slot back after this
 * @param perAddress the limits of requests that no account pays for, counted per client address
 */
@ConfigurationProperties("outboundcalls.rate-limits")
record RateLimitProperties(@DefaultValue("true") boolean enabled,
                           @DefaultValue("60s") Duration lease,
                           @DefaultValue PerAddress perAddress) {

    /**
     * @param operatorRequestsPerMinute  every {@code /admin} request, whatever its token
     * @param operatorBurstPerSecond     the same, per second
     * @param anonymousRequestsPerMinute {@code /v1} requests without a valid API key (and the public
     *                                   OpenAPI document): a client that keeps failing to authenticate
     *                                   gets 429 instead of a key lookup per guess
     * @param anonymousBurstPerSecond    the same, per second
     */
    record PerAddress(@DefaultValue("1200") int operatorRequestsPerMinute,
                      @DefaultValue("100") int operatorBurstPerSecond,
                      @DefaultValue("120") int anonymousRequestsPerMinute,
                      @DefaultValue("20") int anonymousBurstPerSecond) {
    }
}
