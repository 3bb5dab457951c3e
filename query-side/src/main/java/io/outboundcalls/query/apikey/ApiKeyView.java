package io.outboundcalls.query.apikey;

import java.time.Instant;

public record ApiKeyView(String id, String accountId, String name, String prefix, String last4, Instant createdAt) {
}
