package io.outboundcalls.command.campaign;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.outboundcalls.command.common.CommandRejectedException;
import io.outboundcalls.command.common.ResourceNotFoundException;
import io.outboundcalls.command.dialer.CampaignMembership;
import io.outboundcalls.command.dialer.DialerDirectory;
import io.outboundcalls.events.campaign.CampaignCancelledEvent;
import io.outboundcalls.events.campaign.CampaignCompletedEvent;
import io.outboundcalls.events.campaign.CampaignContactSkippedEvent;
import io.outboundcalls.events.campaign.CampaignContactsAddedEvent;
import io.outboundcalls.events.campaign.CampaignCreatedEvent;
import io.outboundcalls.events.campaign.CampaignPausedEvent;
import io.outboundcalls.events.campaign.CampaignResumedEvent;
import io.outboundcalls.events.campaign.CampaignSchedule;
import io.outboundcalls.events.account.LegalCallingWindow;
import io.outboundcalls.events.campaign.CampaignSettings;
import io.outboundcalls.events.campaign.CampaignStartedEvent;
import io.outboundcalls.events.campaign.CampaignWaitingEndedEvent;
import io.outboundcalls.events.campaign.CampaignWaitingEvent;
import io.outboundcalls.events.campaign.RetryRules;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CampaignTest {

    private static final String ID = "camp_1";
    private static final String ACCOUNT = "acct_1";
    private static final CampaignSettings SETTINGS = new CampaignSettings("Q1", "agent_1", "list_1",
            new CampaignSchedule("2026-03-25", null, "09:00", "18:00", "Europe/London", CampaignSchedule.ALL_DAYS),
            new RetryRules(3, 60, RetryRules.DEFAULT_RETRY_ON), 20, null);
    private static final CampaignCreatedEvent CREATED = new CampaignCreatedEvent(ID, ACCOUNT, SETTINGS);
    private static final CampaignStartedEvent STARTED = new CampaignStartedEvent(ID, ACCOUNT, "agent_1", "list_1", 5);

    private AggregateTestFixture<Campaign> fixture;
    private DialerDirectory directory;
    private CampaignMembership membership;

    private static org.hamcrest.Matcher<CommandRejectedException> code(String code) {
        return new org.hamcrest.CustomTypeSafeMatcher<>("a rejection with code " + code) {
            @Override
            protected boolean matchesSafely(CommandRejectedException e) {
                return code.equals(e.code());
            }
        };
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
        directory = mock(DialerDirectory.class);
        when(directory.agentExists(anyString(), anyString())).thenReturn(true);
        when(directory.listExists(anyString(), anyString())).thenReturn(true);
        when(directory.listSize(any())).thenReturn(5);
        membership = mock(CampaignMembership.class);
        when(membership.newMembers(anyString())).thenReturn(List.of());
        fixture.registerAnnotatedCommandHandler(new CampaignCommandHandler(fixture.getRepository(), directory, membership));
    }

    @Test
    void createsADraftCampaign() {
        fixture.givenNoPriorActivity()
                .when(new CreateCampaignCommand(ID, ACCOUNT, SETTINGS, LegalCallingWindow.DEFAULT))
                .expectEvents(CREATED);
    }

    @Test
    void cannotCreateWithAnUnknownAgent() {
        when(directory.agentExists(ACCOUNT, "agent_1")).thenReturn(false);
        fixture.givenNoPriorActivity()
                .when(new CreateCampaignCommand(ID, ACCOUNT, SETTINGS, LegalCallingWindow.DEFAULT))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("No such agent: 'agent_1'");
    }

    @Test
    void cannotCreateWithAnUnknownList() {
        when(directory.listExists(ACCOUNT, "list_1")).thenReturn(false);
        fixture.givenNoPriorActivity()
                .when(new CreateCampaignCommand(ID, ACCOUNT, SETTINGS, LegalCallingWindow.DEFAULT))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("No such contact list: 'list_1'");
    }

    @Test
    void startsADraftWithTheListSize() {
        fixture.given(CREATED).when(new StartCampaignCommand(ID, ACCOUNT)).expectEvents(STARTED);
    }

    @Test
    void cannotStartCampaignWithEmptyList() {
        when(directory.listSize("list_1")).thenReturn(0);
        fixture.given(CREATED).when(new StartCampaignCommand(ID, ACCOUNT))
                .expectNoEvents()
                .expectException(code("contact_list_empty"));
    }

    @Test
    void cannotStartCampaignWhoseAgentIsDeleted() {
        when(directory.agentExists(ACCOUNT, "agent_1")).thenReturn(false);
        fixture.given(CREATED).when(new StartCampaignCommand(ID, ACCOUNT))
                .expectException(code("agent_deleted"));
    }

    @Test
    void cannotStartTwice() {
        fixture.given(CREATED, STARTED).when(new StartCampaignCommand(ID, ACCOUNT))
                .expectException(code("campaign_not_startable"));
    }

    @Test
    void anotherAccountSeesNoCampaign() {
        fixture.given(CREATED).when(new StartCampaignCommand(ID, "acct_other"))
                .expectException(ResourceNotFoundException.class);
    }

    @Test
    void pausesARunningCampaign() {
        fixture.given(CREATED, STARTED).when(new PauseCampaignCommand(ID, ACCOUNT))
                .expectEvents(new CampaignPausedEvent(ID, ACCOUNT));
    }

    @Test
    void cannotPauseADraft() {
        fixture.given(CREATED).when(new PauseCampaignCommand(ID, ACCOUNT))
                .expectException(code("campaign_not_running"));
    }

    @Test
    void resumesAPausedCampaign() {
        fixture.given(CREATED, STARTED, new CampaignPausedEvent(ID, ACCOUNT)).when(new ResumeCampaignCommand(ID, ACCOUNT))
                .expectEvents(new CampaignResumedEvent(ID, ACCOUNT));
    }

    @Test
    void cannotResumeARunningCampaign() {
        fixture.given(CREATED, STARTED).when(new ResumeCampaignCommand(ID, ACCOUNT))
                .expectException(code("campaign_not_paused"));
    }

    @Test
    void cancelsFromDraftRunningOrPaused() {
        fixture.given(CREATED).when(new CancelCampaignCommand(ID, ACCOUNT)).expectEvents(new CampaignCancelledEvent(ID, ACCOUNT));
        fixture.given(CREATED, STARTED).when(new CancelCampaignCommand(ID, ACCOUNT)).expectEvents(new CampaignCancelledEvent(ID, ACCOUNT));
        fixture.given(CREATED, STARTED, new CampaignPausedEvent(ID, ACCOUNT)).when(new CancelCampaignCommand(ID, ACCOUNT))
                .expectEvents(new CampaignCancelledEvent(ID, ACCOUNT));
    }

    @Test
    void cannotCancelACompletedCampaign() {
        fixture.given(CREATED, STARTED, new CampaignCompletedEvent(ID, ACCOUNT)).when(new CancelCampaignCommand(ID, ACCOUNT))
                .expectException(code("campaign_not_cancellable"));
    }

    @Test
    void completesExactlyOnce() {
        fixture.given(CREATED, STARTED).when(new CompleteCampaignCommand(ID, ACCOUNT))
                .expectEvents(new CampaignCompletedEvent(ID, ACCOUNT));
        fixture.given(CREATED, STARTED, new CampaignCompletedEvent(ID, ACCOUNT)).when(new CompleteCampaignCommand(ID, ACCOUNT))
                .expectNoEvents();
    }

    @Test
    void aCancelledCampaignNeverCompletes() {
        fixture.given(CREATED, STARTED, new CampaignCancelledEvent(ID, ACCOUNT)).when(new CompleteCampaignCommand(ID, ACCOUNT))
                .expectNoEvents();
    }

    @Test
    void callingHoursInsideTheAccountsLegalWindowAreAccepted() {
        fixture.givenNoPriorActivity()
                .when(new CreateCampaignCommand(ID, ACCOUNT, SETTINGS, new LegalCallingWindow("09:00", "18:00")))
                .expectEvents(CREATED);
    }

    @Test
    void callingHoursBeyondTheAccountsLegalWindowAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateCampaignCommand(ID, ACCOUNT, SETTINGS, new LegalCallingWindow("10:00", "21:00")))
                .expectException(CommandRejectedException.class)
                .expectException(code("outside_legal_hours"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateCampaignCommand(ID, ACCOUNT, SETTINGS, new LegalCallingWindow("08:00", "17:59")))
                .expectException(code("outside_legal_hours"));
    }

    @Test
    void aTestModeCampaignIsNotHeldToTheLegalWindowItCallsNoOne() {
        CampaignSettings test = new CampaignSettings("Q1", "agent_1", "list_1",
                new CampaignSchedule("2026-03-25", null, "00:00", "23:59", "Europe/London", CampaignSchedule.ALL_DAYS),
                new RetryRules(3, 60, RetryRules.DEFAULT_RETRY_ON), 20, null, true);
        fixture.givenNoPriorActivity()
                .when(new CreateCampaignCommand(ID, ACCOUNT, test, LegalCallingWindow.DEFAULT))
                .expectEvents(new CampaignCreatedEvent(ID, ACCOUNT, test));
        CampaignSettings real = new CampaignSettings(test.name(), test.agentId(), test.contactListId(), test.schedule(),
                test.retryRules(), test.concurrentCalls(), null, null);
        fixture.givenNoPriorActivity()
                .when(new CreateCampaignCommand(ID, ACCOUNT, real, LegalCallingWindow.DEFAULT))
                .expectException(code("outside_legal_hours"));
    }

    @Test
    void concurrencyFullIsRecordedOnceAndEndsOnce() {
        CampaignWaitingEvent full = new CampaignWaitingEvent(ID, ACCOUNT, CampaignWaitingEvent.CONCURRENCY_FULL, null);
        fixture.given(CREATED, STARTED).when(new MarkCampaignWaitingCommand(ID, ACCOUNT, full.reason(), null)).expectEvents(full);
        fixture.given(CREATED, STARTED, full).when(new MarkCampaignWaitingCommand(ID, ACCOUNT, full.reason(), null)).expectNoEvents();
        fixture.given(CREATED, STARTED, full).when(new EndCampaignWaitingCommand(ID, ACCOUNT))
                .expectEvents(new CampaignWaitingEndedEvent(ID, ACCOUNT));
        fixture.given(CREATED, STARTED, full, new CampaignWaitingEndedEvent(ID, ACCOUNT))
                .when(new EndCampaignWaitingCommand(ID, ACCOUNT)).expectNoEvents();
    }

    @Test
    void recordsAWaitingReasonOnlyWhenItChanges() {
        Instant at = Instant.parse("2026-03-26T09:00:00Z");
        CampaignWaitingEvent waiting = new CampaignWaitingEvent(ID, ACCOUNT, CampaignWaitingEvent.OUTSIDE_CALLING_HOURS, at);
        fixture.given(CREATED, STARTED).when(new MarkCampaignWaitingCommand(ID, ACCOUNT, waiting.reason(), at)).expectEvents(waiting);
        fixture.given(CREATED, STARTED, waiting).when(new MarkCampaignWaitingCommand(ID, ACCOUNT, waiting.reason(), at)).expectNoEvents();
    }

    @Test
    void endsWaitingOnlyWhenWaiting() {
        CampaignWaitingEvent waiting = new CampaignWaitingEvent(ID, ACCOUNT, CampaignWaitingEvent.INSUFFICIENT_CREDITS, null);
        fixture.given(CREATED, STARTED, waiting).when(new EndCampaignWaitingCommand(ID, ACCOUNT))
                .expectEvents(new CampaignWaitingEndedEvent(ID, ACCOUNT));
        fixture.given(CREATED, STARTED).when(new EndCampaignWaitingCommand(ID, ACCOUNT)).expectNoEvents();
    }

    @Test
    void recordsASkippedContact() {
        fixture.given(CREATED, STARTED).when(new SkipCampaignContactCommand(ID, ACCOUNT, "contact_1", "do_not_call"))
                .expectEvents(new CampaignContactSkippedEvent(ID, ACCOUNT, "contact_1", "do_not_call"));
    }

    @Test
    void contactsThatJoinTheListOfARunningCampaignBecomeMembers() {
        when(membership.newMembers(ID)).thenReturn(List.of("contact_6", "contact_7"));
        fixture.given(CREATED, STARTED).when(new EnrollCampaignContactsCommand(ID, ACCOUNT))
                .expectEvents(new CampaignContactsAddedEvent(ID, ACCOUNT, List.of("contact_6", "contact_7")));
    }

    @Test
    void contactsThatJoinTheListOfAPausedCampaignBecomeMembers() {
        when(membership.newMembers(ID)).thenReturn(List.of("contact_6"));
        fixture.given(CREATED, STARTED, new CampaignPausedEvent(ID, ACCOUNT)).when(new EnrollCampaignContactsCommand(ID, ACCOUNT))
                .expectEvents(new CampaignContactsAddedEvent(ID, ACCOUNT, List.of("contact_6")));
    }

    @Test
    void aFinishedCampaignTakesNoNewMembers() {
        when(membership.newMembers(ID)).thenReturn(List.of("contact_6"));
        fixture.given(CREATED, STARTED, new CampaignCompletedEvent(ID, ACCOUNT)).when(new EnrollCampaignContactsCommand(ID, ACCOUNT))
                .expectNoEvents();
        fixture.given(CREATED, STARTED, new CampaignCancelledEvent(ID, ACCOUNT)).when(new EnrollCampaignContactsCommand(ID, ACCOUNT))
                .expectNoEvents();
    }

    @Test
    void aCampaignWithAMemberStillToCallDoesNotComplete() {
        when(membership.hasUnfinishedMembers(ID)).thenReturn(true);
        fixture.given(CREATED, STARTED).when(new CompleteCampaignCommand(ID, ACCOUNT)).expectNoEvents();
    }

    @Test
    void aCompletionThatFindsNewMembersEnrolsThemInstead() {
        when(membership.newMembers(ID)).thenReturn(List.of("contact_6"));
        fixture.given(CREATED, STARTED).when(new CompleteCampaignCommand(ID, ACCOUNT))
                .expectEvents(new CampaignContactsAddedEvent(ID, ACCOUNT, List.of("contact_6")));
    }

    private static CampaignSettings with(CampaignSchedule schedule, RetryRules retry, int concurrent, String fromNumber) {
        return new CampaignSettings("Q1", "agent_1", "list_1", schedule, retry, concurrent, fromNumber);
    }

    private static org.hamcrest.Matcher<InvalidCampaignSettingsException> violations(String... params) {
        return new org.hamcrest.CustomTypeSafeMatcher<>("violations of " + String.join(", ", params)) {
            @Override
            protected boolean matchesSafely(InvalidCampaignSettingsException e) {
                return e.violations().stream().map(CampaignRules.Violation::param).toList().equals(List.of(params));
            }
        };
    }

    @Test
    void cannotCreateWithCallingHoursThatEndBeforeTheyStart() {
        CampaignSchedule backwards = new CampaignSchedule(null, null, "18:00", "09:00", "Europe/London", CampaignSchedule.ALL_DAYS);
        fixture.givenNoPriorActivity()
                .when(new CreateCampaignCommand(ID, ACCOUNT, with(backwards, SETTINGS.retryRules(), 20, null), LegalCallingWindow.DEFAULT))
                .expectException(violations("schedule.calling_hours.end"))
                .expectExceptionMessage("'schedule.calling_hours.end' must be after 'schedule.calling_hours.start'");
    }

    @Test
    void cannotCreateWithMoreAttemptsOrConcurrencyThanTheLimits() {
        RetryRules tooMany = new RetryRules(CampaignRules.MAX_ATTEMPTS + 1, 60, RetryRules.DEFAULT_RETRY_ON);
        fixture.givenNoPriorActivity()
                .when(new CreateCampaignCommand(ID, ACCOUNT, with(SETTINGS.schedule(), tooMany, CampaignRules.MAX_CONCURRENT_CALLS + 1, null), LegalCallingWindow.DEFAULT))
                .expectException(violations("retry_rules.max_attempts", "concurrent_calls"))
                .expectExceptionMessage("'retry_rules.max_attempts' must be between 1 and 10");
    }

    @Test
    void cannotCreateWithAnUnknownZoneDayOrOutcome() {
        CampaignSchedule odd = new CampaignSchedule(null, null, "09:00", "18:00", "Mars/Olympus", List.of("mon", "someday"));
        RetryRules odder = new RetryRules(3, 60, List.of("busy", "maybe"));
        fixture.givenNoPriorActivity()
                .when(new CreateCampaignCommand(ID, ACCOUNT, with(odd, odder, 20, null), LegalCallingWindow.DEFAULT))
                .expectException(violations("schedule.timezone", "schedule.days", "retry_rules.retry_on"));
    }

    @Test
    void cannotCreateWithACallerIdOutsideE164() {
        fixture.givenNoPriorActivity()
                .when(new CreateCampaignCommand(ID, ACCOUNT, with(SETTINGS.schedule(), SETTINGS.retryRules(), 20, "020 7946 0000"), LegalCallingWindow.DEFAULT))
                .expectException(violations("from_number"))
                .expectExceptionMessage("'from_number' must be in E.164 format, such as +14155552671");
    }

    @Test
    void settingsAreStoredWithoutRepeatsAndWithTheCallerIdInE164() {
        CampaignSchedule repeated = new CampaignSchedule(null, null, "09:00", "18:00", "Europe/London", List.of("mon", "mon", "tue"));
        RetryRules twice = new RetryRules(3, 60, List.of("busy", "busy"));
        CampaignSettings stored = with(new CampaignSchedule(null, null, "09:00", "18:00", "Europe/London", List.of("mon", "tue")),
                new RetryRules(3, 60, List.of("busy")), 20, "+442079460000");
        fixture.givenNoPriorActivity()
                .when(new CreateCampaignCommand(ID, ACCOUNT, with(repeated, twice, 20, "+44 20 7946 0000"), LegalCallingWindow.DEFAULT))
                .expectEvents(new CampaignCreatedEvent(ID, ACCOUNT, stored));
    }
}
