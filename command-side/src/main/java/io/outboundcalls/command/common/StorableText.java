package io.outboundcalls.command.common;

/**
 * Whether a string can be stored in a PostgreSQL {@code text} (or {@code jsonb}) column of a UTF-8
 * database: everything but NUL (U+0000), which PostgreSQL refuses, and unpaired UTF-16 surrogates,
 * which have no UTF-8 form. Text is checked where it enters (the HTTP edge, each import cell),
 * because a string that passes a command and fails in a projection leaves an object that was
 * promised to the client but never becomes readable.
 */
public final class StorableText {

    /** The problem code of a string that cannot be stored. */
    public static final String INVALID_STRING = "invalid_string";
    private static final char REPLACEMENT = '\uFFFD';

    private StorableText() {
    }

    /** Null when {@code text} can be stored; else what is wrong with it, for a problem's detail. */
    public static String problem(String text) {
        int bad = firstUnstorable(text);
        if (bad < 0) {
            return null;
        }
        char c = text.charAt(bad);
        if (c == 0) {
            return "contains a NUL character (U+0000), which cannot be stored";
        }
        return String.format("contains an unpaired surrogate (U+%04X), which is not a character", (int) c);
    }

    public static boolean isStorable(String text) {
        return firstUnstorable(text) < 0;
    }

    /** {@code text} with every unstorable character replaced by U+FFFD, to show a client what was refused. */
    public static String replaced(String text) {
        if (isStorable(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(c == 0 || Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return out.toString();
    }

    /** At most {@code maxChars} characters of {@code text}, never cutting a surrogate pair in two. */
    public static String prefix(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, end);
    }

    private static int firstUnstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return i;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }
}
