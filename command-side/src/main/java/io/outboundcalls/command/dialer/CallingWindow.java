package io.outboundcalls.command.dialer;

import io.outboundcalls.events.account.LegalCallingWindow;
import io.outboundcalls.events.campaign.CampaignSchedule;
import io.outboundcalls.events.campaign.CampaignSettings;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
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
 * local time is within [start, end), read from that zone's clock: on a day the clocks go forward
 * past {@code start} the window opens when the clock lands inside it; on a day they go back over
 * it, the window reopens when its start comes round again.
 */
public final class CallingWindow {

    /** Far enough to cross any weekday pattern and a year of DST changes; beyond it we give up. */
    private static final int MAX_DAYS_AHEAD = 400;
    /** Covers the next opening of any window open at least one day a week, without computing a year of them. */
    private static final int NEAR_DAYS_AHEAD = 8;

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

    /**
     * The campaign's window narrowed to the account's legal hours: a campaign created before the
     * legal window was narrowed dials only where both allow. Hours that no longer overlap leave a
     * window that never opens.
     */
    /**
     * The hours a campaign's contacts may be dialed in: its own, narrowed to the account's legal window,
     * except for a test-mode campaign, which rings no one (the simulator plays every call).
     */
    public static CallingWindow forCampaign(CampaignSettings settings, LegalCallingWindow legal) {
        return settings.inTestMode() ? of(settings.schedule()) : of(settings.schedule(), legal);
    }

    public static CallingWindow of(CampaignSchedule s, LegalCallingWindow legal) {
        CallingWindow own = of(s);
        LocalTime start = latest(own.start, LocalTime.parse(legal.start()));
        LocalTime end = earliest(own.end, LocalTime.parse(legal.end()));
        return new CallingWindow(own.startDate, own.endDate, start, end.isAfter(start) ? end : start, own.days, own.campaignZone);
    }

    private static LocalTime latest(LocalTime a, LocalTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalTime earliest(LocalTime a, LocalTime b) {
        return a.isBefore(b) ? a : b;
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
     * opens either now or when the last of them opens, and a zone's window opens only when its
     * clock reaches {@code start} (twice on a day the clocks go back) or when a clock change
     * moves its local time into the window, so only those instants are candidates. They are
     * looked for a few days ahead first, where the answer almost always is.
     */
    public Optional<Instant> nextOpening(Instant now, List<ZoneId> zones) {
        if (isOpen(now, zones)) {
            return Optional.of(now);
        }
        Optional<Instant> soon = firstOpeningWithin(now, zones, NEAR_DAYS_AHEAD);
        return soon.isPresent() ? soon : firstOpeningWithin(now, zones, MAX_DAYS_AHEAD);
    }

    /** The earliest open candidate among those of the next {@code days} days of every zone. */
    private Optional<Instant> firstOpeningWithin(Instant now, List<ZoneId> zones, int days) {
        TreeSet<Instant> candidates = new TreeSet<>();
        Instant covered = Instant.MAX; // every candidate before this was generated, in every zone
        for (ZoneId zone : zones) {
            LocalDate first = now.atZone(zone).toLocalDate().minusDays(1);
            if (startDate != null && startDate.isAfter(first)) {
                first = startDate;
            }
            LocalDate last = first.plusDays(days);
            if (endDate != null && endDate.isBefore(last)) {
                last = endDate; // nothing opens later in this zone: it limits nothing
            }
            Instant horizon = ZonedDateTime.of(last.plusDays(1), LocalTime.MIDNIGHT, zone).toInstant();
            if (!last.equals(endDate) && horizon.isBefore(covered)) {
                covered = horizon;
            }
            for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
                ZonedDateTime opening = ZonedDateTime.of(date, start, zone);
                addAfter(now, opening.toInstant(), candidates);
                addAfter(now, opening.withLaterOffsetAtOverlap().toInstant(), candidates);
            }
            for (ZoneOffsetTransition change = zone.getRules().nextTransition(now);
                 change != null && change.getInstant().isBefore(horizon);
                 change = zone.getRules().nextTransition(change.getInstant())) {
                candidates.add(change.getInstant());
            }
        }
        Instant limit = days == MAX_DAYS_AHEAD ? Instant.MAX : covered;
        return candidates.headSet(limit).stream().filter(at -> isOpen(at, zones)).findFirst();
    }

    private static void addAfter(Instant now, Instant candidate, TreeSet<Instant> candidates) {
        if (candidate.isAfter(now)) {
            candidates.add(candidate);
        }
    }
}
