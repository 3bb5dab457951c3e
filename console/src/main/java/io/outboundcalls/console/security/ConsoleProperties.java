package io.outboundcalls.console.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param lockDuration  how long a member stays locked after {@link SignInLocks#MAX_FAILURES} failed sign-ins in a minute
 * @param secureCookie  the session cookie's Secure flag; browsers accept it on {@code http://localhost} too, so only a
 *                      plain-http deployment on another host needs false
 */
@ConfigurationProperties("outboundcalls.console")
public record ConsoleProperties(Duration lockDuration, Boolean secureCookie) {

    public ConsoleProperties {
        lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
        secureCookie = secureCookie == null || secureCookie;
    }
}
