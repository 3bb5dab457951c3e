package io.outboundcalls.events.account;

import org.axonframework.serialization.Revision;

/** The key itself is never stored: only its SHA-256 hash and the parts shown to the user. */
@Revision("1")
public record ApiKeyCreatedEvent(String accountId, String keyId, String name,
                                 String keyHash, String prefix, String last4) {
}
