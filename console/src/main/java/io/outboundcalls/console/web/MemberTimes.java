package io.outboundcalls.console.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Times as the member reads them: in their zone (UTC until they or their browser chose one), with
 * the zone's abbreviation ({@code 2 Dec 2026, 23:05:00 JST}). The API's instants stay in the
 * page's {@code datetime} attributes; this is only how they are shown.
 */
public record MemberTimes(ZoneId zone) {

    static final MemberTimes UTC = new MemberTimes(ZoneOffset.UTC);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss zzz", Locale.ENGLISH);
    private static final DateTimeFormatter ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    static MemberTimes of(String timeZone) {
        return timeZone == null ? UTC : new MemberTimes(ZoneId.of(timeZone));
    }

    /** An API instant ({@code 2026-12-02T14:05:00Z}) in the member's zone; what is no instant is shown as it is. */
    public String format(Object apiInstant) {
        if (apiInstant == null) {
            return "";
        }
        try {
            return SHOWN.format(OffsetDateTime.parse(apiInstant.toString()).atZoneSameInstant(zone));
        } catch (DateTimeParseException e) {
            return apiInstant.toString();
        }
    }

    /** The zone's abbreviation now ({@code JST}, {@code GMT}, {@code UTC}). */
    public String abbreviation() {
        return ABBREVIATION.format(Instant.now().atZone(zone));
    }

    /** The IANA id for the charts' axes ({@code UTC} for the default). */
    public String id() {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    LocalDate today() {
        return LocalDate.now(zone);
    }

    Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
