package io.outboundcalls.events.account;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ApiKeyRevokedEvent(String accountId, String keyId) {
}
