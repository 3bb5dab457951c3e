package io.outboundcalls.command.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
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
    private static final PhoneNumberToTimeZonesMapper MAPPER = PhoneNumberToTimeZonesMapper.getInstance();
    private static final String UNKNOWN = PhoneNumberToTimeZonesMapper.getUnknownTimeZone();

    private ContactTimezones() {
    }

    /** An IANA region zone such as {@code Europe/London}; offsets like {@code +01:00} are not zones people live in. */
    public static boolean isValid(String zone) {
        return zone != null && IANA_ZONES.contains(zone);
    }

    public static ResolvedTimezone resolve(String e164, String explicitZone) {
        if (explicitZone != null) {
            return explicit(explicitZone);
        }
        try {
            return resolve(PhoneNumberUtil.getInstance().parse(e164, null), null);
        } catch (NumberParseException e) {
            return new ResolvedTimezone(null, List.of(), ResolvedTimezone.CAMPAIGN);
        }
    }

    /** For callers that already parsed the number. */
    public static ResolvedTimezone resolve(PhoneNumber number, String explicitZone) {
        return resolve(number, PhoneNumberUtil.getInstance().getNumberType(number), explicitZone);
    }

    /**
     * For callers that also know the number's type (an import computes it once, to validate the
     * number): the type is the costly part of libphonenumber's zone lookup, which would compute it again.
     */
    public static ResolvedTimezone resolve(PhoneNumber number, PhoneNumberType type, String explicitZone) {
        if (explicitZone != null) {
            return explicit(explicitZone);
        }
        List<String> zones;
        if (type == PhoneNumberType.UNKNOWN) {
            zones = List.of();
        } else if (PhoneNumberUtil.getInstance().isNumberGeographical(type, number.getCountryCode())) {
            zones = MAPPER.getTimeZonesForGeographicalNumber(number);
        } else {
            zones = MAPPER.getTimeZonesForNumber(number); // the country's zones, as libphonenumber gives for such numbers
        }
        List<String> candidates = zones.stream()
                .filter(zone -> !UNKNOWN.equals(zone) && IANA_ZONES.contains(zone))
                .sorted()
                .toList();
        if (candidates.size() == 1) {
            return new ResolvedTimezone(candidates.get(0), candidates, ResolvedTimezone.PHONE_NUMBER);
        }
        return new ResolvedTimezone(null, candidates, ResolvedTimezone.CAMPAIGN);
    }

    private static ResolvedTimezone explicit(String zone) {
        return new ResolvedTimezone(zone, List.of(zone), ResolvedTimezone.EXPLICIT);
    }
}
