package io.outboundcalls.command.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The calling window across zones with daylight-saving changes (Europe, US, Southern
 * hemisphere, half-hour offsets), instants spread around the DST switches of 2026.
 */
class CallingWindowProperties {

    private static final List<String> ZONES = List.of("Europe/London", "America/New_York", "America/Los_Angeles",
            "Australia/Sydney", "Asia/Kolkata", "America/St_Johns", "Pacific/Auckland", "UTC", "Europe/Berlin");

    @Provide
    Arbitrary<List<ZoneId>> zones() {
        return Arbitraries.of(ZONES).map(ZoneId::of).list().ofMinSize(1).ofMaxSize(3).uniqueElements();
    }

    @Provide
    Arbitrary<Instant> instants() {
        // the whole of 2026 and early 2027: every DST switch of these zones, minute precision
        long from = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() / 60;
        long to = Instant.parse("2027-03-01T00:00:00Z").getEpochSecond() / 60;
        Arbitrary<Instant> anywhere = Arbitraries.longs().between(from, to).map(m -> Instant.ofEpochSecond(m * 60));
        // and near the switches themselves, where off-by-an-hour bugs live
        Arbitrary<Instant> nearSwitch = Combinators.combine(
                Arbitraries.of("2026-03-08T10:00:00Z", "2026-03-29T01:00:00Z", "2026-04-05T16:00:00Z",
                        "2026-10-25T01:00:00Z", "2026-11-01T06:00:00Z", "2026-10-04T16:00:00Z"),
                Arbitraries.integers().between(-36 * 60, 36 * 60))
                .as((at, minutes) -> Instant.parse(at).plus(Duration.ofMinutes(minutes)));
        return Arbitraries.oneOf(anywhere, nearSwitch);
    }

    @Provide
    Arbitrary<CallingWindow> windows() {
        Arbitrary<Integer> startHour = Arbitraries.integers().between(0, 20);
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 10);
        Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(7);
        Arbitrary<Integer> startOffset = Arbitraries.integers().between(-30, 200);
        Arbitrary<Integer> span = Arbitraries.integers().between(0, 300);
        return Combinators.combine(startHour, length, days, startOffset, span, Arbitraries.of(ZONES))
                .as((h, len, d, offset, sp, zone) -> {
                    LocalDate start = LocalDate.of(2026, 1, 1).plusDays(offset);
                    LocalTime from = LocalTime.of(h, h % 2 == 0 ? 0 : 30);
                    LocalTime to = LocalTime.of(Math.min(23, h + len), 59);
                    return new CallingWindow(start, sp > 250 ? null : start.plusDays(sp), from, to, EnumSet.copyOf(d), ZoneId.of(zone));
                });
    }

    @Property(tries = 500)
    void openMeansInsideTheWindowInEveryZone(@ForAll("windows") CallingWindow window, @ForAll("zones") List<ZoneId> zones,
                                             @ForAll("instants") Instant now) {
        if (window.isOpen(now, zones)) {
            for (ZoneId zone : zones) {
                assertThat(window.isOpenIn(now, zone)).isTrue();
            }
        } else {
            assertThat(zones).anyMatch(zone -> !window.isOpenIn(now, zone));
        }
    }

    @Property(tries = 300)
    void theNextOpeningIsOpenAndNothingEarlierIs(@ForAll("windows") CallingWindow window, @ForAll("zones") List<ZoneId> zones,
                                                 @ForAll("instants") Instant now) {
        Optional<Instant> next = window.nextOpening(now, zones);
        if (next.isEmpty()) {
            return;
        }
        Instant at = next.get();
        assertThat(at).isAfterOrEqualTo(now);
        assertThat(window.isOpen(at, zones)).isTrue();
        // no open minute between now and the opening: sampled every 10 minutes, and the minute before
        for (Instant t = now; t.isBefore(at); t = t.plus(Duration.ofMinutes(10))) {
            assertThat(window.isOpen(t, zones)).as("open at %s, before %s", t, at).isFalse();
        }
        if (at.isAfter(now)) {
            assertThat(window.isOpen(at.minusSeconds(60), zones)).isFalse();
        }
    }

    @Property(tries = 200)
    void openingIsAlwaysWithinLocalCallingHoursWhateverTheOffset(@ForAll("windows") CallingWindow window,
                                                                 @ForAll("instants") Instant now,
                                                                 @ForAll @IntRange(min = 0, max = 8) int zoneIndex) {
        ZoneId zone = ZoneId.of(ZONES.get(zoneIndex));
        window.nextOpening(now, List.of(zone)).ifPresent(at -> {
            ZonedDateTime local = at.atZone(zone);
            assertThat(window.isOpenIn(at, zone)).isTrue();
            assertThat(local.toLocalDate()).isAfterOrEqualTo(now.atZone(zone).toLocalDate());
        });
    }

    @Property(tries = 1)
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

    @Property(tries = 1)
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
}
