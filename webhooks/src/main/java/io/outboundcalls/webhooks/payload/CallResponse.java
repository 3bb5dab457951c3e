package io.outboundcalls.webhooks.payload;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.outboundcalls.query.call.CallView;
import java.time.Instant;
import java.util.Map;

/** The call object: {@code GET /v1/calls/:id} and the data of the {@code call.*} webhooks. */
@JsonPropertyOrder({"id", "object"})
public record CallResponse(String id, String object, String campaignId, String agentId, String contactId, String to,
                           String from, int attempt, String status, String answeredBy, String outcome, String endReason,
                           Instant queuedAt, Instant startedAt, Instant answeredAt, Instant endedAt, Long durationSeconds,
                           Long billedSeconds, Long creditsCharged, String summary, Map<String, Object> analysis,
                           boolean hasRecording, Instant createdAt, String provider, String providerCallId,
                           boolean testMode) {

    public static CallResponse of(CallView v) {
        return new CallResponse(v.id(), "call", v.campaignId(), v.agentId(), v.contactId(), v.to(), v.from(), v.attempt(),
                v.status(), v.answeredBy(), v.outcome(), v.endReason(), v.queuedAt(), v.startedAt(), v.answeredAt(),
                v.endedAt(), v.durationSeconds(), v.billedSeconds(), v.creditsCharged(), v.summary(), v.analysis(),
                v.hasRecording(), v.createdAt(), v.provider(), v.providerCallId(), v.testMode());
    }
}
