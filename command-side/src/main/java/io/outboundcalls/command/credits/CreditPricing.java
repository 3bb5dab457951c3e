package io.outboundcalls.command.credits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The price of a call: {@code creditsPerMinute} (default 10), billed in increments of
 * {@code billingIncrementSeconds} (default 6), each increment rounded up.
 */
@ConfigurationProperties("outboundcalls.credits")
public record CreditPricing(@DefaultValue("10") long creditsPerMinute,
                            @DefaultValue("6") long billingIncrementSeconds) {

    /** Seconds rounded up to the billing increment. */
    public long billedSeconds(long seconds) {
        if (seconds <= 0) {
            return 0;
        }
        return ((seconds + billingIncrementSeconds - 1) / billingIncrementSeconds) * billingIncrementSeconds;
    }

    /** Credits for a call of {@code seconds}, rounded up to a whole credit. */
    public long creditsFor(long seconds) {
        long billed = billedSeconds(seconds);
        return (billed * creditsPerMinute + 59) / 60;
    }
}
