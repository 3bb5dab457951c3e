package io.outboundcalls.webhooks;

import java.time.Duration;
import java.util.List;

public final class TestProperties {

    private TestProperties() {
    }

    public static WebhookProperties webhooks(boolean allowPrivateNetworks) {
        return new WebhookProperties(allowPrivateNetworks, List.of(Duration.ofSeconds(5)), 0.1, Duration.ofSeconds(5),
                Duration.ofSeconds(15), 4, 2, Duration.ofMillis(500), Duration.ofDays(3), Duration.ofHours(24));
    }
}
