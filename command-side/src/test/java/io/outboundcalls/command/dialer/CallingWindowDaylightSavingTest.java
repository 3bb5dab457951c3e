package io.outboundcalls.command.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every daylight-saving transition from 2020 to 2035 of every zone a US, UK, Australian or
 * Brazilian number can be given (libphonenumber's candidates for the country), decided at the
 * minute before, at and after the change, against an oracle that reads the local time from the
 * transition itself and from {@link ZonedDateTime} and compares minutes of the day.
 */
class CallingWindowDaylightSavingTest {

    private static final List<String> REGIONS = List.of("US", "GB", "AU", "BR");
    private static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2036-01-01T00:00:00Z");
    private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);
    /** Far enough for any window tried here to open again, a gap or an overlap included. */
    private static final Duration SCAN_HORIZON = Duration.ofHours(50);

    private static final Map<String, List<ZoneId>> ZONES_BY_REGION = candidateZones();

    /** One minute around a transition: the instant and the local time the transition says it shows. */
    private record Moment(ZoneId zone, Instant instant, LocalDateTime local) {
    }

    /** A window's parameters, for the oracle; {@link #window} builds the rule under test from them. */
    private record Spec(LocalDate startDate, LocalDate endDate, LocalTime start, LocalTime end, Set<DayOfWeek> days) {

        static Spec hours(LocalTime start, LocalTime end) {
            return new Spec(null, null, start, end, EVERY_DAY);
        }

        CallingWindow window() {
            return new CallingWindow(startDate, endDate, start, end, days, ZoneId.of("UTC"));
        }

        boolean opensAt(LocalDateTime local) {
            int minute = local.getHour() * 60 + local.getMinute();
            LocalDate date = local.toLocalDate();
            return (startDate == null || date.compareTo(startDate) >= 0)
                    && (endDate == null || date.compareTo(endDate) <= 0)
                    && days.contains(date.getDayOfWeek())
                    && minute >= start.getHour() * 60 + start.getMinute()
                    && minute < end.getHour() * 60 + end.getMinute();
        }
    }

    @Test
    void theZonesUnderTestAreLibphonenumbersAndChangeTheirClocks() {
        assertThat(ZONES_BY_REGION.get("US")).contains(ZoneId.of("America/New_York"), ZoneId.of("America/Adak"),
                ZoneId.of("America/St_Johns"), ZoneId.of("Pacific/Honolulu"));
        assertThat(ZONES_BY_REGION.get("GB")).contains(ZoneId.of("Europe/London"));
        assertThat(ZONES_BY_REGION.get("AU")).contains(ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Australia/Sydney"));
        assertThat(ZONES_BY_REGION.get("BR")).contains(ZoneId.of("America/Sao_Paulo"));
        // New York alone changes its clocks 32 times in these 16 years
        assertThat(transitions(ZoneId.of("America/New_York"))).hasSize(32);
        assertThat(allZones().stream().mapToInt(zone -> transitions(zone).size()).sum()).isGreaterThan(500);
        for (ZoneId zone : allZones()) {
            List<ZoneOffsetTransition> changes = transitions(zone);
            for (int i = 1; i < changes.size(); i++) {
                assertThat(Duration.between(changes.get(i - 1).getInstant(), changes.get(i).getInstant()))
                        .as("%s changes twice within the scan", zone).isGreaterThan(SCAN_HORIZON);
            }
        }
    }

    @Test
    void theMinutesAroundEveryTransitionAreDecidedByTheirLocalTime() {
        int decisions = 0;
        for (ZoneId zone : allZones()) {
            for (ZoneOffsetTransition transition : transitions(zone)) {
                for (Moment moment : momentsAround(zone, transition)) {
                    assertThat(moment.instant().atZone(zone).toLocalDateTime()).as("%s at %s", zone, moment.instant())
                            .isEqualTo(moment.local());
                    for (Spec spec : specsAround(transition)) {
                        assertThat(spec.window().isOpenIn(moment.instant(), zone))
                                .as("%s in %s at %s (%s local)", spec, zone, moment.instant(), moment.local())
                                .isEqualTo(spec.opensAt(moment.local()));
                        assertThat(spec.window().isOpen(moment.instant(), List.of(zone))).isEqualTo(spec.opensAt(moment.local()));
                        decisions++;
                    }
                }
            }
        }
        assertThat(decisions).isGreaterThan(10_000);
    }

    /** A number whose zone is unknown must be inside the window in every zone of its country. */
    @Test
    void aNumberWithSeveralCandidateZonesIsOpenOnlyWhenEveryOneIs() {
        for (List<ZoneId> zones : ZONES_BY_REGION.values()) {
            for (ZoneId changing : zones) {
                for (ZoneOffsetTransition transition : transitions(changing)) {
                    for (Moment moment : momentsAround(changing, transition)) {
                        for (Spec spec : specsAround(transition)) {
                            boolean everywhere = zones.stream().allMatch(zone -> spec.opensAt(localTime(moment.instant(), zone)));
                            assertThat(spec.window().isOpen(moment.instant(), zones))
                                    .as("%s at %s for %s", spec, moment.instant(), zones).isEqualTo(everywhere);
                        }
                    }
                }
            }
        }
    }

    /** The next opening seen from each minute around a transition is the first minute the oracle finds open. */
    @Test
    void theNextOpeningAroundEveryTransitionIsTheFirstOpenMinute() {
        for (ZoneId zone : allZones()) {
            for (ZoneOffsetTransition transition : transitions(zone)) {
                for (Moment moment : momentsAround(zone, transition)) {
                    for (Spec spec : specsAround(transition)) {
                        if (spec.startDate() != null || !spec.days().equals(EVERY_DAY)) {
                            continue; // those open days later, beyond a minute-by-minute scan
                        }
                        assertThat(spec.window().nextOpening(moment.instant(), List.of(zone)))
                                .as("%s in %s from %s (%s local)", spec, zone, moment.instant(), moment.local())
                                .isEqualTo(firstOpenMinute(spec, transition, moment.instant()));
                    }
                }
            }
        }
    }

    /**
     * The same for a number's whole list of candidates, where the window opens when the last zone
     * opens. The US's candidates (Guam to Adak) never share an hour, so the oracle's scan, which
     * cannot prove "never", leaves them out; the others share the published example's hours.
     */
    @Test
    void theNextOpeningOfSeveralCandidateZonesIsTheFirstMinuteEveryOneIsOpen() {
        int checked = 0;
        for (String region : List.of("GB", "AU", "BR")) {
            List<ZoneId> zones = ZONES_BY_REGION.get(region);
            for (ZoneId changing : zones) {
                for (ZoneOffsetTransition transition : transitions(changing)) {
                    for (Moment moment : momentsAround(changing, transition)) {
                        for (Spec spec : List.of(Spec.hours(LocalTime.of(9, 0), LocalTime.of(18, 0)),
                                Spec.hours(LocalTime.of(8, 0), LocalTime.of(21, 0)))) {
                            assertThat(spec.window().nextOpening(moment.instant(), zones)).as("%s for %s from %s", spec, zones, moment)
                                    .isEqualTo(firstOpenMinute(spec, zones, moment.instant()));
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(500);
    }

    /** Every zone libphonenumber may give a number of the region: the country's zones, as for a non-geographic number. */
    private static Map<String, List<ZoneId>> candidateZones() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        PhoneNumberToTimeZonesMapper mapper = PhoneNumberToTimeZonesMapper.getInstance();
        Map<String, List<ZoneId>> zones = new LinkedHashMap<>();
        for (String region : REGIONS) {
            TreeSet<String> names = new TreeSet<>();
            for (PhoneNumberType type : PhoneNumberType.values()) {
                PhoneNumber example = util.getExampleNumberForType(region, type);
                if (example != null) {
                    names.addAll(mapper.getTimeZonesForNumber(example));
                }
            }
            names.remove(PhoneNumberToTimeZonesMapper.getUnknownTimeZone());
            zones.put(region, names.stream().map(ZoneId::of).toList());
        }
        return zones;
    }

    private static List<ZoneId> allZones() {
        return ZONES_BY_REGION.values().stream().flatMap(List::stream).distinct().toList();
    }

    private static List<ZoneOffsetTransition> transitions(ZoneId zone) {
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        for (ZoneOffsetTransition t = zone.getRules().nextTransition(FROM); t != null && t.getInstant().isBefore(UNTIL);
             t = zone.getRules().nextTransition(t.getInstant())) {
            transitions.add(t);
        }
        return transitions;
    }

    /** The minute before the change (still the old offset), the change itself and the minute after. */
    private static List<Moment> momentsAround(ZoneId zone, ZoneOffsetTransition transition) {
        Instant at = transition.getInstant();
        return List.of(new Moment(zone, at.minusSeconds(60), transition.getDateTimeBefore().minusMinutes(1)),
                new Moment(zone, at, transition.getDateTimeAfter()),
                new Moment(zone, at.plusSeconds(60), transition.getDateTimeAfter().plusMinutes(1)));
    }

    /**
     * The published example's hours, the legal 08:00-21:00, windows that open or close exactly at
     * the local times on either side of the change, and windows bounded to the transition's day.
     */
    private static List<Spec> specsAround(ZoneOffsetTransition transition) {
        LocalTime before = transition.getDateTimeBefore().toLocalTime();
        LocalTime after = transition.getDateTimeAfter().toLocalTime();
        LocalDate day = transition.getDateTimeBefore().toLocalDate();
        LocalTime lastMinute = LocalTime.of(23, 59);
        List<Spec> specs = new ArrayList<>(List.of(Spec.hours(LocalTime.of(9, 0), LocalTime.of(18, 0)),
                Spec.hours(LocalTime.of(8, 0), LocalTime.of(21, 0)),
                new Spec(day, day, LocalTime.MIDNIGHT, lastMinute, EVERY_DAY),
                new Spec(day.plusDays(1), null, LocalTime.MIDNIGHT, lastMinute, EVERY_DAY),
                new Spec(null, null, LocalTime.MIDNIGHT, lastMinute, EnumSet.complementOf(EnumSet.of(day.getDayOfWeek())))));
        for (LocalTime edge : List.of(before, after)) {
            LocalTime hourLater = edge.isAfter(LocalTime.of(22, 59)) ? lastMinute : edge.plusHours(1);
            if (edge.isBefore(hourLater)) {
                specs.add(Spec.hours(edge, hourLater));
            }
            if (edge.isAfter(LocalTime.MIDNIGHT)) {
                specs.add(Spec.hours(LocalTime.MIDNIGHT, edge));
                specs.add(Spec.hours(edge.minusMinutes(30).isBefore(edge) ? edge.minusMinutes(30) : LocalTime.MIDNIGHT, edge));
            }
            if (edge.isBefore(LocalTime.of(22, 0))) {
                specs.add(Spec.hours(edge.plusMinutes(30), edge.plusMinutes(90))); // starts inside a gap, or inside an overlap
            }
        }
        return specs;
    }

    private static LocalDateTime localTime(Instant instant, ZoneId zone) {
        return ZonedDateTime.ofInstant(instant, zone).toLocalDateTime();
    }

    /**
     * Scans minute by minute with the local time the transition itself gives: its old offset
     * before it, its new one after (no other change lies within the horizon, as checked above).
     */
    private static Optional<Instant> firstOpenMinute(Spec spec, ZoneOffsetTransition transition, Instant from) {
        for (Instant t = from; t.isBefore(from.plus(SCAN_HORIZON)); t = t.plusSeconds(60)) {
            ZoneOffset offset = t.isBefore(transition.getInstant()) ? transition.getOffsetBefore() : transition.getOffsetAfter();
            if (spec.opensAt(LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, offset))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> firstOpenMinute(Spec spec, List<ZoneId> zones, Instant from) {
        for (Instant t = from; t.isBefore(from.plus(SCAN_HORIZON)); t = t.plusSeconds(60)) {
            Instant at = t;
            if (zones.stream().allMatch(zone -> spec.opensAt(localTime(at, zone)))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
