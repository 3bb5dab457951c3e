package io.outboundcalls.query.call;

import io.outboundcalls.events.call.CallCompletedEvent;
import io.outboundcalls.events.call.CallFailedEvent;
import io.outboundcalls.events.call.CallOutcome;
import io.outboundcalls.events.call.CallPlacedEvent;
import io.outboundcalls.events.call.CallRingingEvent;
import io.outboundcalls.events.call.CallRecordingAddedEvent;
import io.outboundcalls.events.call.CallStartedEvent;
import io.outboundcalls.events.call.TranscriptTurn;
import io.outboundcalls.query.common.PageRequest;
import io.outboundcalls.query.support.ReadModelDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The calls read model as a plain object: redelivered and late events never move a call backwards. */
class CallProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-25T09:00:00Z");

    private final CallProjection projection = new CallProjection(ReadModelDatabase.jdbc(), CallView::toString);
    private final String accountId = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 26);
    private final String callId = "call_" + UUID.randomUUID().toString().replace("-", "").substring(0, 26);

    @Test
    void aRedeliveredPlacementKeepsOneQueuedCall() {
        place();
        place();

        CallView call = find();
        assertThat(call.status()).isEqualTo("queued");
        assertThat(call.attempt()).isEqualTo(1);
        assertThat(call.version()).isZero();
    }

    @Test
    void eventsAppliedInOrderMoveTheCallForward() {
        place();
        projection.on(new CallRingingEvent(callId, accountId, "camp_1", T0.plusSeconds(1)), 1, T0.plusSeconds(1));
        projection.on(new CallStartedEvent(callId, accountId, "camp_1", "contact_1", "human", T0.plusSeconds(5)), 2,
                T0.plusSeconds(5));

        CallView call = find();
        assertThat(call.status()).isEqualTo("in_progress");
        assertThat(call.answeredBy()).isEqualTo("human");
        assertThat(call.startedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void aLateRingingNeverReopensAFailedCall() {
        place();
        projection.on(failed(), 2, T0.plusSeconds(3));
        projection.on(new CallRingingEvent(callId, accountId, "camp_1", T0.plusSeconds(1)), 1, T0.plusSeconds(1));

        CallView call = find();
        assertThat(call.status()).isEqualTo("busy");
        assertThat(call.outcome()).isEqualTo("busy");
        assertThat(call.version()).isEqualTo(2);
    }

    @Test
    void aRedeliveredFailureChangesNothingMore() {
        place();
        projection.on(failed(), 1, T0.plusSeconds(3));
        projection.on(failed(), 1, T0.plusSeconds(9));

        CallView call = find();
        assertThat(call.status()).isEqualTo("busy");
        assertThat(call.endedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(call.creditsCharged()).isZero();
    }

    @Test
    void aRedeliveredCompletionChargesOnceAndKeepsTheFirstTranscript() {
        place();
        projection.on(completed("Booked a demo.", "Hello"), 1, T0.plusSeconds(60));
        projection.on(completed("Other summary.", "Other"), 1, T0.plusSeconds(90));

        CallView call = find();
        assertThat(call.status()).isEqualTo("completed");
        assertThat(call.creditsCharged()).isEqualTo(12);
        assertThat(call.summary()).isEqualTo("Booked a demo.");
        assertThat(transcript()).extracting(TranscriptTurn::text).containsExactly("Hello");
    }

    @Test
    void aRecordingAddedAfterTheEndIsServed() {
        place();
        projection.on(completed("Booked a demo.", "Hello"), 1, T0.plusSeconds(60));
        projection.on(new CallRecordingAddedEvent(callId, accountId, "camp_1", "rec_1", T0.plusSeconds(120)), 2,
                T0.plusSeconds(120));

        assertThat(find().hasRecording()).isTrue();
    }

    @Test
    void aLateCompletionDoesNotDropTheRecordingAddedAfterIt() {
        place();
        projection.on(completed("Booked a demo.", "Hello"), 1, T0.plusSeconds(60));
        projection.on(new CallRecordingAddedEvent(callId, accountId, "camp_1", "rec_1", T0.plusSeconds(120)), 2,
                T0.plusSeconds(120));
        projection.on(completed("Booked a demo.", "Hello"), 1, T0.plusSeconds(60));

        assertThat(find().recordingRef()).isEqualTo("rec_1");
    }

    @Test
    void aRedeliveredPlacementIsListedOnce() {
        place();
        place();

        assertThat(projection.handle(new ListCallsQuery(accountId, "camp_1", null, null, null, null,
                new PageRequest(100, null, null, null, null))).data()).containsExactly(find().toString());
    }

    /** The renderer of this test writes the whole view ({@code toString}), so a stale field shows. */
    @Test
    void everyWriteStoresTheJsonOfTheRowAsItIsThenRead() {
        place();
        assertThat(listed()).containsExactly(find().toString());
        projection.on(new CallRingingEvent(callId, accountId, "camp_1", T0.plusSeconds(1)), 1, T0.plusSeconds(1));
        assertThat(listed()).containsExactly(find().toString());
        projection.on(completed("Booked a demo.", "Hello"), 2, T0.plusSeconds(60));
        projection.on(new CallRingingEvent(callId, accountId, "camp_1", T0.plusSeconds(1)), 1, T0.plusSeconds(1));

        assertThat(listed()).containsExactly(find().toString());
        assertThat(listed().get(0)).contains("summary=Booked a demo.").contains("version=2");
    }

    @Test
    void aBatchStoresTheJsonOfEachCallsNewestRowOnly() {
        List<CallView> rendered = new ArrayList<>();
        CallProjection rendering = new CallProjection(ReadModelDatabase.jdbc(), view -> {
            rendered.add(view);
            return view.toString();
        });
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            rendering.on(new CallPlacedEvent(callId, accountId, "camp_1", "contact_1", "agent_1", "+14155550101", null, 1, 3,
                    List.of("busy"), 600, T0), 0, T0);
            rendering.on(new CallRingingEvent(callId, accountId, "camp_1", T0.plusSeconds(1)), 1, T0.plusSeconds(1));
            rendering.on(completed("Booked a demo.", "Hello"), 2, T0.plusSeconds(60));
            batch.commit();
        } finally {
            if (batch.isActive()) {
                batch.rollback();
            }
        }

        assertThat(rendered).extracting(CallView::version).containsExactly(2L);
        assertThat(listed()).containsExactly(find().toString());
    }

    @Test
    void aRowStoredWithoutJsonIsRenderedWhenListed() {
        place();
        ReadModelDatabase.jdbc().update("update query.calls set api_json = null where id = ?", callId);

        assertThat(listed()).containsExactly(find().toString());
    }

    private List<String> listed() {
        return projection.handle(new ListCallsQuery(accountId, "camp_1", null, null, null, null,
                new PageRequest(100, null, null, null, null))).data();
    }

    @Test
    void theResetClearsCallsAndTranscripts() {
        place();
        projection.on(completed("Booked a demo.", "Hello"), 1, T0.plusSeconds(60));

        projection.reset();

        assertThat(projection.handle(new FindCallQuery(accountId, callId))).isEmpty();
        assertThat(projection.handle(new FindTranscriptQuery(accountId, callId))).isEmpty();
    }

    @Test
    void anotherAccountNeverSeesTheCall() {
        place();

        assertThat(projection.handle(new FindCallQuery("acct_other", callId))).isEmpty();
    }

    private void place() {
        projection.on(new CallPlacedEvent(callId, accountId, "camp_1", "contact_1", "agent_1", "+14155550101", null, 1, 3,
                List.of("busy"), 600, T0), 0, T0);
    }

    private CallFailedEvent failed() {
        return new CallFailedEvent(callId, accountId, "camp_1", "contact_1", "agent_1", 1, CallOutcome.BUSY, "busy signal",
                true, T0.plusSeconds(3), false);
    }

    private CallCompletedEvent completed(String summary, String firstWords) {
        return new CallCompletedEvent(callId, accountId, "camp_1", "contact_1", "agent_1", 1, CallOutcome.COMPLETED, "human",
                "hangup", 55, 60, 12, List.of(new TranscriptTurn("agent", firstWords, 0, 900)), summary, Map.of(), null,
                false, T0.plusSeconds(60), false);
    }

    private List<TranscriptTurn> transcript() {
        return projection.handle(new FindTranscriptQuery(accountId, callId)).orElseThrow().turns();
    }

    private CallView find() {
        return projection.handle(new FindCallQuery(accountId, callId)).orElseThrow();
    }
}
