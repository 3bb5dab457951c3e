package io.outboundcalls.command.contact;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Field rules shared by the HTTP API and the import, so a row is valid exactly when a POST would be. */
public final class ContactRules {

    public static final String DEFAULT_COUNTRY = "US";
    public static final int MAX_NAME = 200;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_METADATA_KEYS = 50;
    public static final int MAX_METADATA_KEY = 40;
    public static final int MAX_METADATA_VALUE = 500;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** Deliberately loose: one @, no spaces, a dot in the domain. Real validation is a delivered email. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    private ContactRules() {
    }

    public static boolean isValidEmail(String email) {
        return email.length() <= MAX_EMAIL && EMAIL.matcher(email).matches();
    }

    public static boolean isCountry(String code) {
        return code != null && code.length() == 2 && COUNTRIES.contains(code.toUpperCase(Locale.ROOT));
    }
}
