package io.outboundcalls.command.common;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The North American shortcut must read every input exactly as libphonenumber's parser does,
 * and PhoneNumbers.parse must accept exactly the numbers isValidNumber accepts.
 */
class PhoneNumbersTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final List<String> REGIONS = Arrays.asList("US", "CA", "GB", "BS", null);

    @Test
    void theNorthAmericanShortcutReadsEveryInputAsTheParserDoes() throws NumberParseException {
        int shortcuts = 0;
        for (String input : inputs()) {
            for (String region : REGIONS) {
                PhoneNumber fast = PhoneNumbers.northAmerican(input, region);
                if (fast == null) {
                    continue;
                }
                shortcuts++;
                PhoneNumber parsed = UTIL.parse(input, region);
                assertThat(fast.exactlySameAs(parsed)).as("%s in %s: %s vs %s", input, region, fast, parsed).isTrue();
            }
        }
        assertThat(shortcuts).as("inputs the shortcut took").isGreaterThan(5_000);
    }

    @Test
    void parseAcceptsExactlyTheValidNumbersInE164() {
        for (String input : inputs()) {
            for (String region : REGIONS) {
                String expected;
                try {
                    PhoneNumber number = UTIL.parse(input, region);
                    expected = UTIL.isValidNumber(number) ? UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
                } catch (NumberParseException e) {
                    expected = null;
                }
                assertThat(PhoneNumbers.toE164(input, region).orElse(null)).as("%s in %s", input, region).isEqualTo(expected);
            }
        }
    }

    /** Ten random digits (any first digit, so invalid area codes too) written the ways people write them. */
    private static List<String> inputs() {
        Random random = new Random(7);
        List<String> inputs = new ArrayList<>(List.of("+1 212 555 0100 ext. 12", "212-555-0100#", "+12125550100;ext=5",
                "tel:+1-212-555-0100", " +12125550100", "+1 (212) 555-0100", "1 800 555 0199", "+44 20 7946 0958",
                "+1", "1", "(212)", "+1212555010", "+121255501000"));
        for (int i = 0; i < 1500; i++) {
            StringBuilder d = new StringBuilder();
            for (int j = 0; j < 10; j++) {
                d.append((char) ('0' + random.nextInt(10)));
            }
            if (i % 4 == 0) {
                d.setCharAt(0, (char) ('2' + random.nextInt(8))); // plausible area codes more often
                d.setCharAt(3, (char) ('2' + random.nextInt(8)));
            }
            String a = d.substring(0, 3);
            String b = d.substring(3, 6);
            String c = d.substring(6);
            inputs.addAll(List.of("+1" + d, "+1 (" + a + ") " + b + "-" + c, "1-" + a + "-" + b + "-" + c, a + "." + b + "." + c,
                    "(" + a + ") " + b + "-" + c, d.toString(), "1" + d));
        }
        return inputs;
    }
}
