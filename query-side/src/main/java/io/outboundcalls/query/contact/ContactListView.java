package io.outboundcalls.query.contact;

import java.time.Instant;

public record ContactListView(String id, String accountId, String name, long contactCount, Instant createdAt) {
}
