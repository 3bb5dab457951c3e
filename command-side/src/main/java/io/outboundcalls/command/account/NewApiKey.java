package io.outboundcalls.command.account;

/** The stored parts of a freshly generated key; the secret itself never enters a command. */
public record NewApiKey(String keyId, String name, String keyHash, String prefix, String last4) {
}
