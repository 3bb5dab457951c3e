package io.outboundcalls.app.credits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.util.Locale;

/**
 * {@code outboundcalls.payments.provider}: which payment provider takes the money for a purchase.
 * {@value #NONE}: none, purchases are disabled; {@value #RECORD_ONLY}: the record-only provider, no money
 * moves; any other value: the {@code PaymentProvider} a deployment adds, whose {@code name()} it is
 * (with {@code -} for {@code _}). Unset: record-only in the embedded development mode, none otherwise.
 */
@ConfigurationProperties(PaymentProperties.PREFIX)
record PaymentProperties(String provider) {

    static final String PREFIX = "outboundcalls.payments";
    static final String NONE = "none";
    static final String RECORD_ONLY = "record-only";

    /** Read before any bean exists, for the conditions that decide which provider bean there is. */
    static PaymentProperties of(Environment environment) {
        return Binder.get(environment).bind(PREFIX, PaymentProperties.class).orElse(new PaymentProperties(null));
    }

    String selected(boolean embedded) {
        if (provider == null || provider.isBlank()) {
            return embedded ? RECORD_ONLY : NONE;
        }
        return provider.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code name}, as a provider names itself ({@code record_only}), is the one selected. */
    static boolean names(String selected, String name) {
        return selected.replace('-', '_').equals(name);
    }
}
