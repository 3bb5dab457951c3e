package io.outboundcalls.query.call;

public record FindCallQuery(String accountId, String callId) {
}
