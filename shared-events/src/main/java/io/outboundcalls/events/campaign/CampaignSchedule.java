package io.outboundcalls.events.campaign;

import java.util.List;

/**
 * When a campaign may dial. Dates are ISO ({@code 2026-03-25}), hours {@code HH:MM} in each
 * contact's own zone; {@code timezone} is the fallback zone for contacts whose zone is unknown.
 * {@code days} are {@code mon}…{@code sun}.
 */
public record CampaignSchedule(String startDate,
                               String endDate,
                               String callingHoursStart,
                               String callingHoursEnd,
                               String timezone,
                               List<String> days) {

    public static final List<String> ALL_DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
}
