package io.outboundcalls.app.campaigns;

import io.outboundcalls.app.web.JsonFields;
import io.outboundcalls.command.common.PhoneNumbers;
import io.outboundcalls.events.call.CallOutcome;
import io.outboundcalls.events.campaign.CampaignSchedule;
import io.outboundcalls.events.campaign.CampaignSettings;
import io.outboundcalls.events.campaign.RetryRules;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Reads a campaign body (the published reference's example, plus docs/api.md §3 Campaign) with every rule. */
final class CampaignRequests {

    static final int DEFAULT_MAX_ATTEMPTS = 3;
    static final int DEFAULT_DELAY_MINUTES = 60;
    static final int DEFAULT_CONCURRENT_CALLS = 10;
    /** Ten attempts is already far beyond what regulators and recipients tolerate. */
    static final int MAX_ATTEMPTS = 10;
    /** A week: a longer delay is better served by a new campaign. */
    static final int MAX_DELAY_MINUTES = 10_080;
    static final int MAX_CONCURRENT_CALLS = 1_000;
    private static final Pattern HH_MM = Pattern.compile("^([01]\\d|2[0-3]):[0-5]\\d$");
    private static final List<String> OUTCOMES = Arrays.stream(CallOutcome.values()).map(CallOutcome::apiName).toList();

    private CampaignRequests() {
    }

    static CampaignSettings create(JsonFields f) {
        String name = f.requiredString("name", 200);
        String agentId = f.requiredString("agent_id", 100);
        String listId = f.requiredString("contact_list_id", 100);
        CampaignSchedule schedule = schedule(f);
        RetryRules retry = retryRules(f);
        Integer concurrent = f.optionalInt("concurrent_calls", 1, MAX_CONCURRENT_CALLS);
        String fromNumber = fromNumber(f);
        f.throwIfInvalid();
        return new CampaignSettings(name, agentId, listId, schedule, retry,
                concurrent == null ? DEFAULT_CONCURRENT_CALLS : concurrent, fromNumber);
    }

    private static CampaignSchedule schedule(JsonFields f) {
        JsonFields s = f.optionalObject("schedule");
        if (s == null) {
            if (!f.hasErrors() || !f.has("schedule")) {
                f.error("schedule", "parameter_missing", "'schedule' is required: calling_hours and timezone");
            }
            return null;
        }
        LocalDate start = date(s, "start_date");
        LocalDate end = date(s, "end_date");
        if (start != null && end != null && end.isBefore(start)) {
            s.error("end_date", "invalid_value", "'schedule.end_date' must not be before 'schedule.start_date'");
        }
        String from = null;
        String to = null;
        JsonFields hours = s.optionalObject("calling_hours");
        if (hours == null) {
            if (!s.has("calling_hours")) {
                s.error("calling_hours", "parameter_missing", "'schedule.calling_hours' is required: {\"start\": \"09:00\", \"end\": \"18:00\"}");
            }
        } else {
            from = time(hours, "start");
            to = time(hours, "end");
            if (from != null && to != null && !LocalTime.parse(from).isBefore(LocalTime.parse(to))) {
                hours.error("end", "invalid_value", "'schedule.calling_hours.end' must be after 'schedule.calling_hours.start'");
            }
        }
        String zone = s.requiredString("timezone", 64);
        if (zone != null && !isIanaZone(zone)) {
            s.error("timezone", "invalid_timezone", "'schedule.timezone' must be an IANA time zone such as Europe/London");
        }
        List<String> days = s.optionalStringList("days", 7, 10);
        if (days != null) {
            if (days.isEmpty()) {
                s.error("days", "invalid_value", "'schedule.days' must name at least one day");
            }
            for (String day : days) {
                if (!CampaignSchedule.ALL_DAYS.contains(day)) {
                    s.error("days", "invalid_value", "'schedule.days' holds mon, tue, wed, thu, fri, sat or sun; not '" + day + "'");
                }
            }
            days = List.copyOf(new LinkedHashSet<>(days));
        }
        return new CampaignSchedule(start == null ? null : start.toString(), end == null ? null : end.toString(),
                from, to, zone, days == null ? CampaignSchedule.ALL_DAYS : days);
    }

    private static RetryRules retryRules(JsonFields f) {
        JsonFields r = f.optionalObject("retry_rules");
        if (r == null) {
            return new RetryRules(DEFAULT_MAX_ATTEMPTS, DEFAULT_DELAY_MINUTES, RetryRules.DEFAULT_RETRY_ON);
        }
        Integer max = r.optionalInt("max_attempts", 1, MAX_ATTEMPTS);
        Integer delay = r.optionalInt("delay_minutes", 1, MAX_DELAY_MINUTES);
        List<String> retryOn = r.optionalStringList("retry_on", OUTCOMES.size(), 20);
        if (retryOn != null) {
            for (String outcome : retryOn) {
                if (!OUTCOMES.contains(outcome)) {
                    r.error("retry_on", "invalid_value", "'retry_rules.retry_on' holds call outcomes ("
                            + String.join(", ", OUTCOMES) + "); not '" + outcome + "'");
                }
            }
            retryOn = List.copyOf(new LinkedHashSet<>(retryOn));
        }
        return new RetryRules(max == null ? DEFAULT_MAX_ATTEMPTS : max, delay == null ? DEFAULT_DELAY_MINUTES : delay,
                retryOn == null ? RetryRules.DEFAULT_RETRY_ON : retryOn);
    }

    private static String fromNumber(JsonFields f) {
        String raw = f.optionalString("from_number", 32);
        if (raw == null) {
            return null;
        }
        if (!raw.startsWith("+")) {
            f.error("from_number", "invalid_phone_number", "'from_number' must be in E.164 format, such as +14155552671");
            return null;
        }
        return PhoneNumbers.toE164(raw, null).orElseGet(() -> {
            f.error("from_number", "invalid_phone_number", "'from_number' is not a valid phone number");
            return null;
        });
    }

    private static LocalDate date(JsonFields s, String field) {
        String raw = s.optionalString(field, 10);
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            s.error(field, "invalid_date", "'" + s.param(field) + "' must be a date such as 2026-03-25");
            return null;
        }
    }

    private static String time(JsonFields hours, String field) {
        String raw = hours.requiredString(field, 5);
        if (raw != null && !HH_MM.matcher(raw).matches()) {
            hours.error(field, "invalid_time", "'" + hours.param(field) + "' must be a time HH:MM such as 09:00");
            return null;
        }
        return raw;
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
