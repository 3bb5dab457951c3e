package io.outboundcalls.command.common;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.Optional;

/** Phone numbers as libphonenumber understands them, always stored in E.164. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** Longer input is refused before parsing: no phone number, however formatted, needs more. */
    private static final int MAX_INPUT = 64;

    private PhoneNumbers() {
    }

    /** A valid number and its type (a number is valid exactly when libphonenumber knows its type). */
    public record Parsed(PhoneNumber number, PhoneNumberType type) {

        public String e164() {
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        }
    }

    /**
     * Parses any common format ("+44 20 7946 0958", "(415) 555-2671" with region "US") into E.164;
     * empty when it is not a valid number.
     */
    public static Optional<String> toE164(String raw, String defaultRegion) {
        return Optional.ofNullable(parse(raw, defaultRegion)).map(Parsed::e164);
    }

    /** The valid number {@code raw} denotes (national formats read for {@code defaultRegion}), or null. */
    public static Parsed parse(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT) {
            return null;
        }
        PhoneNumber plain = northAmerican(raw, defaultRegion);
        if (plain != null) {
            PhoneNumberType type = UTIL.getNumberType(plain);
            if (type != PhoneNumberType.UNKNOWN) {
                return new Parsed(plain, type);
            }
        }
        try {
            PhoneNumber number = UTIL.parse(raw, defaultRegion);
            PhoneNumberType type = UTIL.getNumberType(number); // what isValidNumber decides on, kept for the zone lookup
            return type == PhoneNumberType.UNKNOWN ? null : new Parsed(number, type);
        } catch (NumberParseException e) {
            return null;
        }
    }

    /**
     * The North American number a plainly written input denotes, read without libphonenumber's
     * general parser, which spends most of an import's parsing time looking for extensions
     * ("ext. 12", ";ext=", "#") that such input cannot contain: "+1" and ten digits, or for
     * region US ten digits or "1" and ten, with only spaces, dots, dashes and parentheses between.
     * An area code never starts with 0 or 1, so no national prefix can be stripped and the
     * result is exactly what {@link PhoneNumberUtil#parse} gives (PhoneNumbersTest compares
     * them); anything else returns null and takes the general parser.
     */
    static PhoneNumber northAmerican(String raw, String defaultRegion) {
        StringBuilder digits = new StringBuilder(11);
        boolean plus = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && i == 0) {
                plus = true;
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                return null;
            }
        }
        int length = digits.length();
        String national;
        if (length == 11 && digits.charAt(0) == '1' && (plus || "US".equals(defaultRegion))) {
            national = digits.substring(1);
        } else if (length == 10 && !plus && "US".equals(defaultRegion)) {
            national = digits.toString();
        } else {
            return null;
        }
        if (national.charAt(0) < '2') {
            return null;
        }
        return new PhoneNumber().setCountryCode(1).setNationalNumber(Long.parseLong(national));
    }
}
