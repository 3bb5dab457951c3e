package io.outboundcalls.command.contact;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.outboundcalls.events.contact.ResolvedTimezone;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import computes a number's type once and derives both validity and zones from it; these
 * tests hold that shortcut to libphonenumber's own answers over every region's example numbers
 * and random neighbours of them (valid and invalid alike).
 */
class ContactTimezonesTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @Test
    void aKnownTypeMeansExactlyAValidNumber() {
        for (PhoneNumber number : samples()) {
            assertThat(UTIL.getNumberType(number) != PhoneNumberType.UNKNOWN).as("%s", number).isEqualTo(UTIL.isValidNumber(number));
        }
    }

    @Test
    void zonesFromTheKnownTypeAreLibphonenumbersZones() {
        for (PhoneNumber number : samples()) {
            List<String> expected = PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number).stream()
                    .filter(zone -> !PhoneNumberToTimeZonesMapper.getUnknownTimeZone().equals(zone) && ContactTimezones.isValid(zone))
                    .sorted()
                    .toList();
            ResolvedTimezone resolved = ContactTimezones.resolve(number, UTIL.getNumberType(number), null);
            assertThat(resolved.candidates()).as("%s", number).isEqualTo(expected);
            assertThat(resolved.timezone()).as("%s", number).isEqualTo(expected.size() == 1 ? expected.get(0) : null);
        }
    }

    private static List<PhoneNumber> samples() {
        Random random = new Random(42);
        List<PhoneNumber> numbers = new ArrayList<>();
        for (String region : UTIL.getSupportedRegions()) {
            for (PhoneNumberType type : PhoneNumberType.values()) {
                PhoneNumber example = UTIL.getExampleNumberForType(region, type);
                if (example == null) {
                    continue;
                }
                numbers.add(example);
                for (int i = 0; i < 5; i++) {
                    long national = example.getNationalNumber();
                    long digits = (long) Math.pow(10, Math.max(1, String.valueOf(national).length() - 3));
                    numbers.add(new PhoneNumber().setCountryCode(example.getCountryCode())
                            .setNationalNumber(national - national % digits + (long) (random.nextDouble() * digits)));
                }
            }
        }
        return numbers;
    }
}
