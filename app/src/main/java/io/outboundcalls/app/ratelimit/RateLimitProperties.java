package io.outboundcalls.app.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param enabled  whether /v1 requests are limited at all (headers are sent either way)
 * @param lease    how long an in-flight slot is held at most: a request running longer, or one
 *                 whose node crashed, gives its slot back after this
 */
@ConfigurationProperties("outboundcalls.rate-limits")
record RateLimitProperties(@DefaultValue("true") boolean enabled,
                           @DefaultValue("60s") Duration lease) {
}
