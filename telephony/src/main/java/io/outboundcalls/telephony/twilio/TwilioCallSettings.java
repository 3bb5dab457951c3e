package io.outboundcalls.telephony.twilio;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How calls are placed and finished (beside {@link TwilioProperties}, same prefix).
 *
 * @param ringTimeout     how long a call rings before Twilio gives up ({@code Timeout}; a no-answer)
 * @param finishWait      after Twilio's final status, how long the end waits for the conversation and the recording
 *                        before it is reported without them
 * @param restAttempts    tries of a Twilio request answered 429 or 5xx
 * @param restBackoff     the wait before the second try, doubled before each further one (a {@code Retry-After} wins)
 */
@ConfigurationProperties("outboundcalls.telephony.twilio")
public record TwilioCallSettings(@DefaultValue("30s") Duration ringTimeout, @DefaultValue("30s") Duration finishWait,
                                 @DefaultValue("4") int restAttempts, @DefaultValue("500ms") Duration restBackoff) {
}
