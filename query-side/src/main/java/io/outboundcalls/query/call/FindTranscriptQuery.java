package io.outboundcalls.query.call;

public record FindTranscriptQuery(String accountId, String callId) {
}
