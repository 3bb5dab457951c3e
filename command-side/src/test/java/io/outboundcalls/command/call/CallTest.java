package io.outboundcalls.command.call;

import io.outboundcalls.command.common.ResourceNotFoundException;
import io.outboundcalls.command.credits.CreditPricing;
import io.outboundcalls.events.call.CallCompletedEvent;
import io.outboundcalls.events.call.CallFailedEvent;
import io.outboundcalls.events.call.CallHangUpRequestedEvent;
import io.outboundcalls.events.call.CallOutcome;
import io.outboundcalls.events.call.CallPlacedEvent;
import io.outboundcalls.events.call.CallProviderAssignedEvent;
import io.outboundcalls.events.call.CallRecordingAddedEvent;
import io.outboundcalls.events.call.CallRingingEvent;
import io.outboundcalls.events.call.CallStartedEvent;
import io.outboundcalls.events.call.TranscriptTurn;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallTest {

    private static final String ID = "call_1";
    private static final Instant T0 = Instant.parse("2026-03-25T10:00:00Z");
    private static final List<String> RETRY_ON = List.of("no_answer", "busy", "failed");
    private static final CallPlacedEvent PLACED = placed(1);
    private static final CallRingingEvent RINGING = new CallRingingEvent(ID, "acct_1", "camp_1", T0);
    private static final CallStartedEvent ANSWERED = new CallStartedEvent(ID, "acct_1", "camp_1", "contact_1", "human", T0);
    private static final List<TranscriptTurn> TURNS = List.of(new TranscriptTurn("agent", "Hello", 0, 1000));

    private AggregateTestFixture<Call> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Call.class);
        fixture.registerInjectableResource(new CreditPricing(10, 6));
    }

    private static CallPlacedEvent placed(int attempt) {
        return new CallPlacedEvent(ID, "acct_1", "camp_1", "contact_1", "agent_1", "+442079460001", null, attempt, 3,
                RETRY_ON, 100, T0);
    }

    private static ReportCallEndedCommand ended(CallOutcome outcome, long seconds) {
        return new ReportCallEndedCommand(ID, outcome, "done", seconds, TURNS, "summary", Map.of(), "sim:1000", T0);
    }

    @Test
    void placingCreatesAQueuedCall() {
        fixture.givenNoPriorActivity()
                .when(new PlaceCallCommand(ID, "acct_1", "camp_1", "contact_1", "agent_1", "+442079460001", null, 1, 3,
                        RETRY_ON, 100, T0))
                .expectEvents(PLACED);
    }

    @Test
    void ringsOnceOnly() {
        fixture.given(PLACED).when(new ReportCallRingingCommand(ID, T0)).expectEvents(RINGING);
        fixture.given(PLACED, RINGING).when(new ReportCallRingingCommand(ID, T0)).expectNoEvents();
    }

    @Test
    void aLateRingingReportNeverMovesAnAnsweredCallBack() {
        fixture.given(PLACED, ANSWERED).when(new ReportCallRingingCommand(ID, T0)).expectNoEvents();
    }

    @Test
    void answeringStartsTheCall() {
        fixture.given(PLACED, RINGING).when(new ReportCallAnsweredCommand(ID, "human", T0)).expectEvents(ANSWERED);
    }

    @Test
    void aConnectedCallCompletesWithBilledSecondsAndCredits() {
        fixture.given(PLACED, RINGING, ANSWERED).when(ended(CallOutcome.COMPLETED, 61))
                .expectEvents(new CallCompletedEvent(ID, "acct_1", "camp_1", "contact_1", "agent_1", 1, CallOutcome.COMPLETED,
                        "human", "done", 61, 66, 11, TURNS, "summary", Map.of(), "sim:1000", false, T0, false));
    }

    @Test
    void aCallThatNeverConnectedFailsAndIsRetryableWhileAttemptsRemain() {
        fixture.given(PLACED, RINGING).when(ReportCallEndedCommand.notConnected(ID, CallOutcome.NO_ANSWER, "no answer", T0))
                .expectEvents(new CallFailedEvent(ID, "acct_1", "camp_1", "contact_1", "agent_1", 1, CallOutcome.NO_ANSWER,
                        "no answer", true, T0, false));
    }

    @Test
    void aCallTheProviderCanceledWithoutOurAskingEndsCanceledAndIsNotTriedAgain() {
        fixture.given(PLACED, RINGING).when(ReportCallEndedCommand.canceledByProvider(ID, "canceled before it was answered", T0))
                .expectEvents(new CallFailedEvent(ID, "acct_1", "camp_1", "contact_1", "agent_1", 1, CallOutcome.FAILED,
                        "canceled before it was answered", false, T0, true));
    }

    @Test
    void theLastAttemptIsNeverRetryable() {
        fixture.given(placed(3)).when(ReportCallEndedCommand.notConnected(ID, CallOutcome.BUSY, "busy", T0))
                .expectEvents(new CallFailedEvent(ID, "acct_1", "camp_1", "contact_1", "agent_1", 3, CallOutcome.BUSY,
                        "busy", false, T0, false));
    }

    @Test
    void anOutcomeNotInRetryOnIsNotRetryable() {
        fixture.given(PLACED, ANSWERED).when(ended(CallOutcome.VOICEMAIL, 5))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                new org.hamcrest.CustomTypeSafeMatcher<CallCompletedEvent>("not retryable") {
                                    @Override
                                    protected boolean matchesSafely(CallCompletedEvent e) {
                                        return !e.retryable() && e.outcome() == CallOutcome.VOICEMAIL;
                                    }
                                }),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void aFinishedCallIgnoresFurtherReports() {
        CallFailedEvent failed = new CallFailedEvent(ID, "acct_1", "camp_1", "contact_1", "agent_1", 1, CallOutcome.BUSY, "busy", true, T0, false);
        fixture.given(PLACED, failed).when(ended(CallOutcome.COMPLETED, 10)).expectNoEvents();
        fixture.given(PLACED, failed).when(new ReportCallAnsweredCommand(ID, "human", T0)).expectNoEvents();
    }

    private static final CallHangUpRequestedEvent HANG_UP = new CallHangUpRequestedEvent(ID, "acct_1", "camp_1",
            CallHangUpRequestedEvent.HANG_UP, T0);

    @Test
    void aLiveCallIsAskedToHangUpEachTimeItIsAsked() {
        HangUpCallCommand hangUp = new HangUpCallCommand(ID, "acct_1", CallHangUpRequestedEvent.HANG_UP, T0);
        fixture.given(PLACED, RINGING, ANSWERED).when(hangUp).expectEvents(HANG_UP);
        fixture.given(PLACED, RINGING, ANSWERED, HANG_UP).when(hangUp).expectEvents(HANG_UP);
    }

    @Test
    void anEndedCallIsNotHungUp() {
        CallFailedEvent failed = new CallFailedEvent(ID, "acct_1", "camp_1", "contact_1", "agent_1", 1, CallOutcome.BUSY, "busy", true, T0, false);
        fixture.given(PLACED, failed).when(new HangUpCallCommand(ID, "acct_1", CallHangUpRequestedEvent.HANG_UP, T0)).expectNoEvents();
    }

    @Test
    void anotherAccountCannotHangUpTheCall() {
        fixture.given(PLACED, RINGING).when(new HangUpCallCommand(ID, "acct_2", CallHangUpRequestedEvent.HANG_UP, T0))
                .expectException(ResourceNotFoundException.class).expectNoEvents();
    }

    @Test
    void aConnectedCallHungUpEndsCanceledBilledForItsSecondsAndIsNeverRetried() {
        fixture.given(PLACED, RINGING, ANSWERED, HANG_UP).when(ended(CallOutcome.COMPLETED, 61))
                .expectEvents(new CallCompletedEvent(ID, "acct_1", "camp_1", "contact_1", "agent_1", 1, CallOutcome.COMPLETED,
                        "human", "done", 61, 66, 11, TURNS, "summary", Map.of(), "sim:1000", false, T0, true));
    }

    @Test
    void aRingingCallHungUpEndsCanceledAndIsNeverRetried() {
        fixture.given(PLACED, RINGING, HANG_UP).when(ReportCallEndedCommand.notConnected(ID, CallOutcome.NO_ANSWER, "hung up", T0))
                .expectEvents(new CallFailedEvent(ID, "acct_1", "camp_1", "contact_1", "agent_1", 1, CallOutcome.NO_ANSWER,
                        "hung up", false, T0, true));
    }

    @Test
    void aTestModeCallIsChargedNothing() {
        CallPlacedEvent testPlaced = new CallPlacedEvent(ID, "acct_1", "camp_1", "contact_1", "agent_1", "+442079460001", null, 1, 3,
                RETRY_ON, 0, T0, "simulator", true);
        fixture.givenNoPriorActivity()
                .when(new PlaceCallCommand(ID, "acct_1", "camp_1", "contact_1", "agent_1", "+442079460001", null, 1, 3,
                        RETRY_ON, 0, T0, "simulator", true))
                .expectEvents(testPlaced);
        fixture.given(testPlaced, ANSWERED).when(ended(CallOutcome.COMPLETED, 61))
                .expectEvents(new CallCompletedEvent(ID, "acct_1", "camp_1", "contact_1", "agent_1", 1, CallOutcome.COMPLETED,
                        "human", "done", 61, 0, 0, TURNS, "summary", Map.of(), "sim:1000", false, T0, false));
    }

    @Test
    void theProvidersCallIdIsRecordedOnce() {
        CallProviderAssignedEvent assigned = new CallProviderAssignedEvent(ID, "acct_1", "camp_1", "twilio", "CA1", T0);
        fixture.given(PLACED).when(new RecordProviderCallCommand(ID, "twilio", "CA1", T0)).expectEvents(assigned);
        fixture.given(PLACED, assigned).when(new RecordProviderCallCommand(ID, "twilio", "CA1", T0)).expectNoEvents();
    }

    @Test
    void aRecordingThatArrivesAfterTheEndIsAddedOnce() {
        CallCompletedEvent withoutRecording = new CallCompletedEvent(ID, "acct_1", "camp_1", "contact_1", "agent_1", 1,
                CallOutcome.COMPLETED, "human", "done", 61, 66, 11, TURNS, "summary", Map.of(), null, false, T0, false);
        CallRecordingAddedEvent added = new CallRecordingAddedEvent(ID, "acct_1", "camp_1", "twilio:call_1", T0);
        fixture.given(PLACED, ANSWERED, withoutRecording).when(new AddCallRecordingCommand(ID, "twilio:call_1", T0)).expectEvents(added);
        fixture.given(PLACED, ANSWERED, withoutRecording, added).when(new AddCallRecordingCommand(ID, "twilio:call_2", T0)).expectNoEvents();
    }

    @Test
    void aRecordingIsNeverAddedToACallThatHasOneStillGoesOnOrNeverConnected() {
        AddCallRecordingCommand add = new AddCallRecordingCommand(ID, "twilio:call_1", T0);
        fixture.given(PLACED, ANSWERED, new CallCompletedEvent(ID, "acct_1", "camp_1", "contact_1", "agent_1", 1,
                CallOutcome.COMPLETED, "human", "done", 61, 66, 11, TURNS, "summary", Map.of(), "sim:1000", false, T0, false))
                .when(add).expectNoEvents();
        fixture.given(PLACED, ANSWERED).when(add).expectNoEvents();
        fixture.given(PLACED, new CallFailedEvent(ID, "acct_1", "camp_1", "contact_1", "agent_1", 1, CallOutcome.NO_ANSWER,
                "no answer", true, T0, false)).when(add).expectNoEvents();
    }

    @Test
    void whoAnsweredAsKnownAtTheEndWins() {
        CallStartedEvent unknown = new CallStartedEvent(ID, "acct_1", "camp_1", "contact_1", "unknown", T0);
        fixture.given(PLACED, unknown)
                .when(new ReportCallEndedCommand(ID, CallOutcome.VOICEMAIL, "voicemail", 20, List.of(), null, Map.of(), null, T0, "voicemail"))
                .expectEvents(new CallCompletedEvent(ID, "acct_1", "camp_1", "contact_1", "agent_1", 1, CallOutcome.VOICEMAIL,
                        "voicemail", "voicemail", 20, 24, 4, List.of(), null, Map.of(), null, false, T0, false));
    }
}
