package io.outboundcalls.app.campaigns;

import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.FieldError;
import io.outboundcalls.app.web.JsonFields;
import io.outboundcalls.command.campaign.CampaignRules;
import io.outboundcalls.events.call.CallOutcome;
import io.outboundcalls.events.campaign.CampaignSchedule;
import io.outboundcalls.events.campaign.CampaignSettings;
import io.outboundcalls.events.campaign.RetryRules;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Translates a campaign body (the published reference's example, plus docs/api.md §3 Campaign) into
 * settings: JSON types, lengths, required fields, date and time formats, and the defaults of
 * {@link CampaignRules} for what is left out. Whether the settings are acceptable is the Campaign
 * aggregate's to say ({@link CampaignRules}); only when the body also has JSON errors are the
 * rules asked here, so that one 422 lists everything wrong, in the order of the fields.
 */
final class CampaignRequests {

    /** Every field a campaign body has, in the order its errors are listed. */
    private static final List<String> FIELD_ORDER = List.of("name", "agent_id", "contact_list_id", "schedule",
            "schedule.start_date", "schedule.end_date", "schedule.calling_hours", "schedule.calling_hours.start",
            "schedule.calling_hours.end", "schedule.timezone", "schedule.days", "retry_rules", "retry_rules.max_attempts",
            "retry_rules.delay_minutes", "retry_rules.retry_on", "concurrent_calls", "from_number", "test_mode");

    private CampaignRequests() {
    }

    static CampaignSettings create(JsonFields f) {
        String name = f.requiredString("name", 200);
        String agentId = f.requiredString("agent_id", 100);
        String listId = f.requiredString("contact_list_id", 100);
        CampaignSchedule schedule = schedule(f);
        RetryRules retry = retryRules(f);
        Integer concurrent = f.optionalInt("concurrent_calls", Integer.MIN_VALUE, Integer.MAX_VALUE);
        String fromNumber = f.optionalString("from_number", 32);
        Boolean testMode = f.optionalBoolean("test_mode");
        CampaignSettings settings = new CampaignSettings(name, agentId, listId, schedule, retry,
                concurrent == null ? CampaignRules.DEFAULT_CONCURRENT_CALLS : concurrent, fromNumber,
                Boolean.TRUE.equals(testMode) ? true : null);
        List<FieldError> errors = f.errors();
        if (!errors.isEmpty()) {
            throw ApiException.validation(withRuleViolations(errors, CampaignRules.violations(settings)));
        }
        return settings;
    }

    /** The JSON errors and the rule violations in field order (JSON errors first within a field), unknown parameters last. */
    private static List<FieldError> withRuleViolations(List<FieldError> jsonErrors, List<CampaignRules.Violation> violations) {
        List<FieldError> known = new ArrayList<>();
        List<FieldError> unknown = new ArrayList<>();
        jsonErrors.forEach(e -> (e.code().equals("unknown_parameter") ? unknown : known).add(e));
        violations.forEach(v -> known.add(fieldError(v)));
        List<FieldError> ordered = new ArrayList<>(known.stream().sorted(Comparator.comparingInt(e -> rank(e.param()))).toList());
        ordered.addAll(unknown);
        return ordered;
    }

    /** The position of the most specific field the param is, or is inside of ({@code schedule.days.0} is in {@code schedule.days}). */
    private static int rank(String param) {
        int rank = -1;
        int length = -1;
        for (int i = 0; i < FIELD_ORDER.size(); i++) {
            String field = FIELD_ORDER.get(i);
            if ((param.equals(field) || param.startsWith(field + ".")) && field.length() > length) {
                rank = i;
                length = field.length();
            }
        }
        return rank < 0 ? FIELD_ORDER.size() : rank;
    }

    private static FieldError fieldError(CampaignRules.Violation v) {
        return new FieldError(v.param(), v.code(), v.detail());
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
        }
        String zone = s.requiredString("timezone", 64);
        List<String> days = s.optionalStringList("days", 7, 10);
        return new CampaignSchedule(start == null ? null : start.toString(), end == null ? null : end.toString(),
                from, to, zone, days == null ? CampaignSchedule.ALL_DAYS : days);
    }

    private static RetryRules retryRules(JsonFields f) {
        JsonFields r = f.optionalObject("retry_rules");
        if (r == null) {
            return new RetryRules(CampaignRules.DEFAULT_MAX_ATTEMPTS, CampaignRules.DEFAULT_DELAY_MINUTES, RetryRules.DEFAULT_RETRY_ON);
        }
        Integer max = r.optionalInt("max_attempts", Integer.MIN_VALUE, Integer.MAX_VALUE);
        Integer delay = r.optionalInt("delay_minutes", Integer.MIN_VALUE, Integer.MAX_VALUE);
        List<String> retryOn = r.optionalStringList("retry_on", CallOutcome.values().length, 20);
        return new RetryRules(max == null ? CampaignRules.DEFAULT_MAX_ATTEMPTS : max,
                delay == null ? CampaignRules.DEFAULT_DELAY_MINUTES : delay, retryOn == null ? RetryRules.DEFAULT_RETRY_ON : retryOn);
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
        if (raw != null && !CampaignRules.isTime(raw)) {
            hours.error(field, "invalid_time", "'" + hours.param(field) + "' must be a time HH:MM such as 09:00");
            return null;
        }
        return raw;
    }
}
