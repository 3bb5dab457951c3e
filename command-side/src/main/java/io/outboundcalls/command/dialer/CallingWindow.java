package io.outboundcalls.command.dialer;

import io.outboundcalls.events.campaign.CampaignSchedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The calling-window rule: a contact may be dialed only when, in EVERY zone that may be its own,
 * the local date is within start_date..end_date, the weekday is one of {@code days}, and the
 * local time is within [start, end). Local times that fall in a daylight-saving gap resolve to
 * the first instant after the gap, as {@link ZonedDateTime#of} does.
 */
public final class CallingWindow {

    /** Far enough to cross any weekday pattern and a year of DST changes; beyond it we give up. */
    private static final int MAX_DAYS_AHEAD = 400;

    private final LocalDate startDate;
    private final LocalDate endDate;
    private final LocalTime start;
    private final LocalTime end;
    private final Set<DayOfWeek> days;
    private final ZoneId campaignZone;

    public CallingWindow(LocalDate startDate, LocalDate endDate, LocalTime start, LocalTime end, Set<DayOfWeek> days,
                         ZoneId campaignZone) {
        this.startDate = startDate;
        this.endDate = endDate;
        this.start = start;
        this.end = end;
        this.days = days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(days);
        this.campaignZone = campaignZone;
    }

    public static CallingWindow of(CampaignSchedule s) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : s.days() == null ? CampaignSchedule.ALL_DAYS : s.days()) {
            days.add(dayOf(day));
        }
        return new CallingWindow(s.startDate() == null ? null : LocalDate.parse(s.startDate()),
                s.endDate() == null ? null : LocalDate.parse(s.endDate()),
                LocalTime.parse(s.callingHoursStart()), LocalTime.parse(s.callingHoursEnd()), days, ZoneId.of(s.timezone()));
    }

    public static DayOfWeek dayOf(String day) {
        return Arrays.stream(DayOfWeek.values()).filter(d -> d.name().substring(0, 3).equalsIgnoreCase(day)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a day: " + day));
    }

    /**
     * The zones that must all be inside the window: the contact's own zone when known, else every
     * candidate zone of its number, else the campaign's zone.
     */
    public List<ZoneId> zonesFor(String timezone, String candidates) {
        if (timezone != null && !timezone.isBlank()) {
            return List.of(ZoneId.of(timezone));
        }
        if (candidates != null && !candidates.isBlank()) {
            List<ZoneId> zones = new ArrayList<>();
            for (String zone : candidates.split(",")) {
                zones.add(ZoneId.of(zone.strip()));
            }
            return zones;
        }
        return List.of(campaignZone);
    }

    public ZoneId campaignZone() {
        return campaignZone;
    }

    public boolean isBeforeStartDate(Instant now) {
        return startDate != null && now.atZone(campaignZone).toLocalDate().isBefore(startDate);
    }

    public boolean isOpen(Instant now, List<ZoneId> zones) {
        return zones.stream().allMatch(zone -> isOpenIn(now, zone));
    }

    public boolean isOpenIn(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate date = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        return (startDate == null || !date.isBefore(startDate))
                && (endDate == null || !date.isAfter(endDate))
                && days.contains(date.getDayOfWeek())
                && !time.isBefore(start) && time.isBefore(end);
    }

    /**
     * The earliest instant at or after {@code now} when every zone is open; empty when the
     * window never opens again (after end_date, or no overlap). The intersection of windows
     * opens either now or when the last of them opens, so only those instants are candidates.
     */
    public Optional<Instant> nextOpening(Instant now, List<ZoneId> zones) {
        if (isOpen(now, zones)) {
            return Optional.of(now);
        }
        TreeSet<Instant> candidates = new TreeSet<>();
        for (ZoneId zone : zones) {
            LocalDate first = now.atZone(zone).toLocalDate().minusDays(1);
            if (startDate != null && startDate.isAfter(first)) {
                first = startDate;
            }
            for (int i = 0; i <= MAX_DAYS_AHEAD; i++) {
                LocalDate date = first.plusDays(i);
                if (endDate != null && date.isAfter(endDate)) {
                    break;
                }
                Instant opening = ZonedDateTime.of(date, start, zone).toInstant();
                if (opening.isAfter(now)) {
                    candidates.add(opening);
                }
            }
        }
        return candidates.stream().filter(at -> isOpen(at, zones)).findFirst();
    }
}
