package io.outboundcalls.command.campaign;

import io.outboundcalls.command.common.PhoneNumbers;
import io.outboundcalls.events.call.CallOutcome;
import io.outboundcalls.events.campaign.CampaignSchedule;
import io.outboundcalls.events.campaign.CampaignSettings;
import io.outboundcalls.events.campaign.RetryRules;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a campaign's settings must satisfy, with the defaults of what a client leaves out. The
 * {@link Campaign} aggregate refuses settings that break a rule
 * ({@link InvalidCampaignSettingsException}, every violation listed); the HTTP edge translates
 * JSON into settings and asks {@link #violations} only to list these beside its own JSON errors.
 */
public final class CampaignRules {

    /** Three tries reach most people who can be reached without pestering them. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** An hour between tries: a callee who was busy is usually free again. */
    public static final int DEFAULT_DELAY_MINUTES = 60;
    /** The published Standard tier's concurrency: a campaign that fits every account. */
    public static final int DEFAULT_CONCURRENT_CALLS = 10;
    /** Ten attempts is already far beyond what regulators and recipients tolerate. */
    public static final int MAX_ATTEMPTS = 10;
    /** A week: a longer delay is better served by a new campaign. */
    public static final int MAX_DELAY_MINUTES = 10_080;
    /** One campaign may hold a large account's lines, not a carrier's. */
    public static final int MAX_CONCURRENT_CALLS = 1_000;

    private static final Pattern HH_MM = Pattern.compile("^([01]\\d|2[0-3]):[0-5]\\d$");
    private static final List<String> OUTCOMES = Arrays.stream(CallOutcome.values()).map(CallOutcome::apiName).toList();

    /** One broken rule: the offending field (dotted JSON path), its code and what is wrong. */
    public record Violation(String param, String code, String detail) {
    }

    private CampaignRules() {
    }

    /**
     * What settings built by hand (not by the HTTP edge, which reports these itself) lack of the
     * required: a schedule with calling hours and a zone, retry rules.
     */
    static List<Violation> missing(CampaignSettings s) {
        List<Violation> found = new ArrayList<>();
        CampaignSchedule schedule = s.schedule();
        if (schedule == null) {
            found.add(new Violation("schedule", "parameter_missing", "'schedule' is required: calling_hours and timezone"));
        } else {
            if (schedule.callingHoursStart() == null || schedule.callingHoursEnd() == null) {
                found.add(new Violation("schedule.calling_hours", "parameter_missing",
                        "'schedule.calling_hours' is required: {\"start\": \"09:00\", \"end\": \"18:00\"}"));
            }
            if (schedule.timezone() == null) {
                found.add(new Violation("schedule.timezone", "parameter_missing", "'schedule.timezone' is required"));
            }
        }
        if (s.retryRules() == null) {
            found.add(new Violation("retry_rules", "parameter_missing", "'retry_rules' is required"));
        }
        return found;
    }

    /** Every rule the settings break, in the order of their fields; fields that are null are not judged. */
    public static List<Violation> violations(CampaignSettings settings) {
        List<Violation> found = new ArrayList<>();
        if (settings.schedule() != null) {
            schedule(settings.schedule(), found);
        }
        RetryRules retry = settings.retryRules();
        if (retry != null) {
            range(found, "retry_rules.max_attempts", retry.maxAttempts(), 1, MAX_ATTEMPTS);
            range(found, "retry_rules.delay_minutes", retry.delayMinutes(), 1, MAX_DELAY_MINUTES);
            for (String outcome : retry.retryOn() == null ? List.<String>of() : retry.retryOn()) {
                if (!OUTCOMES.contains(outcome)) {
                    found.add(new Violation("retry_rules.retry_on", "invalid_value", "'retry_rules.retry_on' holds call outcomes ("
                            + String.join(", ", OUTCOMES) + "); not '" + outcome + "'"));
                }
            }
        }
        range(found, "concurrent_calls", settings.concurrentCalls(), 1, MAX_CONCURRENT_CALLS);
        fromNumber(settings.fromNumber(), found);
        return found;
    }

    /** The settings as stored: days and outcomes without repeats, the caller id in E.164. */
    static CampaignSettings normalized(CampaignSettings s) {
        CampaignSchedule schedule = s.schedule();
        RetryRules retry = s.retryRules();
        return new CampaignSettings(s.name(), s.agentId(), s.contactListId(),
                new CampaignSchedule(schedule.startDate(), schedule.endDate(), schedule.callingHoursStart(),
                        schedule.callingHoursEnd(), schedule.timezone(), List.copyOf(new LinkedHashSet<>(schedule.days()))),
                new RetryRules(retry.maxAttempts(), retry.delayMinutes(), List.copyOf(new LinkedHashSet<>(retry.retryOn()))),
                s.concurrentCalls(), s.fromNumber() == null ? null : PhoneNumbers.toE164(s.fromNumber(), null).orElseThrow(),
                s.testMode());
    }

    private static void schedule(CampaignSchedule s, List<Violation> found) {
        LocalDate start = date(s.startDate(), "schedule.start_date", found);
        LocalDate end = date(s.endDate(), "schedule.end_date", found);
        if (start != null && end != null && end.isBefore(start)) {
            found.add(new Violation("schedule.end_date", "invalid_value", "'schedule.end_date' must not be before 'schedule.start_date'"));
        }
        LocalTime from = time(s.callingHoursStart(), "schedule.calling_hours.start", found);
        LocalTime to = time(s.callingHoursEnd(), "schedule.calling_hours.end", found);
        if (from != null && to != null && !from.isBefore(to)) {
            found.add(new Violation("schedule.calling_hours.end", "invalid_value",
                    "'schedule.calling_hours.end' must be after 'schedule.calling_hours.start'"));
        }
        if (s.timezone() != null && !isIanaZone(s.timezone())) {
            found.add(new Violation("schedule.timezone", "invalid_timezone",
                    "'schedule.timezone' must be an IANA time zone such as Europe/London"));
        }
        if (s.days() != null) {
            if (s.days().isEmpty()) {
                found.add(new Violation("schedule.days", "invalid_value", "'schedule.days' must name at least one day"));
            }
            for (String day : s.days()) {
                if (!CampaignSchedule.ALL_DAYS.contains(day)) {
                    found.add(new Violation("schedule.days", "invalid_value",
                            "'schedule.days' holds mon, tue, wed, thu, fri, sat or sun; not '" + day + "'"));
                }
            }
        }
    }

    /** A date the HTTP edge has already checked; settings built by hand may hold anything. */
    private static LocalDate date(String raw, String param, List<Violation> found) {
        try {
            return raw == null ? null : LocalDate.parse(raw);
        } catch (DateTimeException e) {
            found.add(new Violation(param, "invalid_date", "'" + param + "' must be a date such as 2026-03-25"));
            return null;
        }
    }

    private static LocalTime time(String raw, String param, List<Violation> found) {
        if (raw == null) {
            return null;
        }
        if (!isTime(raw)) {
            found.add(new Violation(param, "invalid_time", "'" + param + "' must be a time HH:MM such as 09:00"));
            return null;
        }
        return LocalTime.parse(raw);
    }

    /** A time of day as campaigns write it: {@code HH:MM}, 00:00 to 23:59. */
    public static boolean isTime(String raw) {
        return HH_MM.matcher(raw).matches();
    }

    private static void fromNumber(String raw, List<Violation> found) {
        if (raw == null) {
            return;
        }
        if (!raw.startsWith("+")) {
            found.add(new Violation("from_number", "invalid_phone_number", "'from_number' must be in E.164 format, such as +14155552671"));
        } else if (PhoneNumbers.toE164(raw, null).isEmpty()) {
            found.add(new Violation("from_number", "invalid_phone_number", "'from_number' is not a valid phone number"));
        }
    }

    private static void range(List<Violation> found, String param, int value, int min, int max) {
        if (value < min || value > max) {
            found.add(new Violation(param, "out_of_range", "'" + param + "' must be between " + min + " and " + max));
        }
    }

    /** Region ids only (Europe/London, UTC); fixed offsets would ignore daylight saving. */
    private static boolean isIanaZone(String zone) {
        try {
            return ZoneId.getAvailableZoneIds().contains(zone) && ZoneId.of(zone) != null;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
