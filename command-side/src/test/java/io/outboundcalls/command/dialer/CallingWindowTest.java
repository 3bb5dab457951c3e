package io.outboundcalls.command.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import io.outboundcalls.events.account.LegalCallingWindow;
import io.outboundcalls.events.campaign.CampaignSchedule;
import io.outboundcalls.events.campaign.RetryRules;
import io.outboundcalls.events.campaign.CampaignSettings;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calling window on examples a reader can check by hand; daylight saving: {@link CallingWindowDaylightSavingTest}. */
class CallingWindowTest {

    @Test
    void seventeenFiftyNineInLondonIsOpenAndEighteenIsNot() {
        CallingWindow window = new CallingWindow(LocalDate.of(2026, 3, 25), null, LocalTime.of(9, 0), LocalTime.of(18, 0),
                EnumSet.allOf(DayOfWeek.class), ZoneId.of("Europe/London"));
        List<ZoneId> london = List.of(ZoneId.of("Europe/London"));
        // 29 March 2026 is the day the UK moves to BST: 17:59 local is 16:59Z
        assertThat(window.isOpen(Instant.parse("2026-03-29T16:59:00Z"), london)).isTrue();
        assertThat(window.isOpen(Instant.parse("2026-03-29T17:00:00Z"), london)).isFalse();
        assertThat(window.nextOpening(Instant.parse("2026-03-29T17:00:00Z"), london))
                .contains(Instant.parse("2026-03-30T08:00:00Z"));
    }

    @Test
    void ambiguousNumbersNeedEveryCandidateZoneOpen() {
        CallingWindow window = new CallingWindow(null, null, LocalTime.of(9, 0), LocalTime.of(18, 0),
                EnumSet.allOf(DayOfWeek.class), ZoneId.of("America/New_York"));
        List<ZoneId> zones = window.zonesFor(null, "America/New_York,America/Los_Angeles");
        // 10:00 in New York is 07:00 in Los Angeles: not yet
        assertThat(window.isOpen(Instant.parse("2026-06-01T14:00:00Z"), zones)).isFalse();
        assertThat(window.nextOpening(Instant.parse("2026-06-01T14:00:00Z"), zones))
                .contains(Instant.parse("2026-06-01T16:00:00Z"));
        assertThat(window.zonesFor("Europe/Paris", "America/New_York")).containsExactly(ZoneId.of("Europe/Paris"));
        assertThat(window.zonesFor(null, null)).containsExactly(ZoneId.of("America/New_York"));
    }

    @Test
    void noOverlapBetweenCandidateZonesMeansTheWindowNeverOpens() {
        CallingWindow window = new CallingWindow(null, null, LocalTime.of(9, 0), LocalTime.of(12, 0),
                EnumSet.allOf(DayOfWeek.class), ZoneId.of("UTC"));
        // 09:00-12:00 in Sydney is 22:00-01:00 or 23:00-02:00 in London: never both at once
        assertThat(window.nextOpening(Instant.parse("2026-06-01T00:00:00Z"),
                List.of(ZoneId.of("Europe/London"), ZoneId.of("Australia/Sydney")))).isEmpty();
    }

    @Test
    void aCampaignWindowIsNarrowedToTheAccountsLegalWindow() {
        CampaignSchedule schedule = new CampaignSchedule(null, null, "00:00", "23:59", "Europe/London", CampaignSchedule.ALL_DAYS);
        CallingWindow window = CallingWindow.of(schedule, LegalCallingWindow.DEFAULT);
        List<ZoneId> london = List.of(ZoneId.of("Europe/London"));
        // December: London is on UTC
        assertThat(window.isOpen(Instant.parse("2026-12-02T07:59:00Z"), london)).isFalse();
        assertThat(window.isOpen(Instant.parse("2026-12-02T08:00:00Z"), london)).isTrue();
        assertThat(window.isOpen(Instant.parse("2026-12-02T20:59:00Z"), london)).isTrue();
        assertThat(window.isOpen(Instant.parse("2026-12-02T21:00:00Z"), london)).isFalse();
        assertThat(window.nextOpening(Instant.parse("2026-12-02T22:00:00Z"), london)).contains(Instant.parse("2026-12-03T08:00:00Z"));
    }

    @Test
    void campaignHoursOutsideTheLegalWindowNeverOpen() {
        CampaignSchedule schedule = new CampaignSchedule(null, null, "03:00", "04:00", "UTC", CampaignSchedule.ALL_DAYS);
        CallingWindow window = CallingWindow.of(schedule, LegalCallingWindow.DEFAULT);
        assertThat(window.nextOpening(Instant.parse("2026-12-02T00:00:00Z"), List.of(ZoneId.of("UTC")))).isEmpty();
    }

    @Test
    void onlyARealCampaignIsHeldToTheLegalWindowATestModeOneCallsNoOne() {
        CampaignSchedule schedule = new CampaignSchedule(null, null, "00:00", "23:59", "Europe/London", CampaignSchedule.ALL_DAYS);
        RetryRules retry = new RetryRules(3, 60, RetryRules.DEFAULT_RETRY_ON);
        CampaignSettings real = new CampaignSettings("Real", "agent_1", "list_1", schedule, retry, 10, null, null);
        CampaignSettings test = new CampaignSettings("Test", "agent_1", "list_1", schedule, retry, 10, null, true);
        List<ZoneId> london = List.of(ZoneId.of("Europe/London"));
        Instant lateEvening = Instant.parse("2026-12-02T22:30:00Z");
        assertThat(CallingWindow.forCampaign(real, LegalCallingWindow.DEFAULT).isOpen(lateEvening, london)).isFalse();
        assertThat(CallingWindow.forCampaign(test, LegalCallingWindow.DEFAULT).isOpen(lateEvening, london)).isTrue();
    }
}
