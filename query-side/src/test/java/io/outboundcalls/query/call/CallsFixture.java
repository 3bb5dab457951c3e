package io.outboundcalls.query.call;

import io.outboundcalls.events.call.CallFailedEvent;
import io.outboundcalls.events.call.CallOutcome;
import io.outboundcalls.events.call.CallPlacedEvent;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Calls of one campaign put through the calls projection, for tests of the read models that read them. */
public final class CallsFixture {

    private static final Instant T0 = Instant.parse("2026-03-25T09:00:00Z");

    private final CallProjection projection;
    private final String accountId;
    private final String campaignId;

    public CallsFixture(JdbcTemplate jdbc, String accountId, String campaignId) {
        this.projection = new CallProjection(jdbc, CallView::toString);
        this.accountId = accountId;
        this.campaignId = campaignId;
    }

    /** The contact's first attempt, queued. */
    public void placed(String callId, String contactId) {
        projection.on(new CallPlacedEvent(callId, accountId, campaignId, contactId, "agent_1", "+14155550101", null, 1, 3,
                List.of("no_answer"), 600, T0), 0, T0);
    }

    /** The call ended unconnected; {@code retryable}: its contact is called again. */
    public void failed(String callId, String contactId, CallOutcome outcome, boolean retryable) {
        projection.on(new CallFailedEvent(callId, accountId, campaignId, contactId, "agent_1", 1, outcome, outcome.apiName(),
                retryable, T0.plusSeconds(3), false), 1, T0.plusSeconds(3));
    }
}
