package io.outboundcalls.command.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.outboundcalls.events.contact.ResolvedTimezone;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Which time zone a contact lives in: an explicit IANA zone wins; else the number's zone when
 * libphonenumber knows exactly one; else every candidate is kept and the dialer requires the
 * calling window to hold in all of them (source {@code campaign}: the campaign's zone decides
 * when the number tells nothing).
 */
public final class ContactTimezones {

    private static final Set<String> IANA_ZONES = ZoneId.getAvailableZoneIds();
    private static final String UNKNOWN = PhoneNumberToTimeZonesMapper.getUnknownTimeZone();

    private ContactTimezones() {
    }

    /** An IANA region zone such as {@code Europe/London}; offsets like {@code +01:00} are not zones people live in. */
    public static boolean isValid(String zone) {
        return zone != null && IANA_ZONES.contains(zone);
    }

    public static ResolvedTimezone resolve(String e164, String explicitZone) {
        if (explicitZone != null) {
            return new ResolvedTimezone(explicitZone, List.of(explicitZone), ResolvedTimezone.EXPLICIT);
        }
        List<String> candidates = zonesOf(e164);
        if (candidates.size() == 1) {
            return new ResolvedTimezone(candidates.get(0), candidates, ResolvedTimezone.PHONE_NUMBER);
        }
        return new ResolvedTimezone(null, candidates, ResolvedTimezone.CAMPAIGN);
    }

    private static List<String> zonesOf(String e164) {
        try {
            var number = PhoneNumberUtil.getInstance().parse(e164, null);
            return PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number).stream()
                    .filter(zone -> !UNKNOWN.equals(zone) && IANA_ZONES.contains(zone))
                    .sorted()
                    .toList();
        } catch (NumberParseException e) {
            return List.of();
        }
    }
}
