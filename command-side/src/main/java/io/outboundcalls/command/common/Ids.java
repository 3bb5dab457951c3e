package io.outboundcalls.command.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Prefixed, time-ordered, opaque ids: {@code prefix_} + 26 Crockford base32 characters
 * (48 bits of milliseconds, 80 random bits), ULID style, so that sorting ids sorts by creation.
 * Within one millisecond the random part is incremented, keeping ids from one node monotonic.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static final byte[] lastRandom = new byte[10];

    private Ids() {
    }

    public static String newId(String prefix) {
        byte[] random = new byte[10];
        long millis;
        synchronized (Ids.class) {
            millis = System.currentTimeMillis();
            if (millis <= lastMillis) {
                millis = lastMillis;
                increment(lastRandom);
            } else {
                lastMillis = millis;
                RANDOM.nextBytes(lastRandom);
                lastRandom[0] &= 0x7F; // leaves room to increment without overflowing the millisecond
            }
            System.arraycopy(lastRandom, 0, random, 0, 10);
        }
        return prefix + "_" + encode(millis, random);
    }

    /**
     * An id derived from a name: the same name always gives the same id. Used where a retry must
     * land on the same aggregate (a call attempt), so the event store's unique key refuses a twin.
     */
    public static String derivedId(String prefix, String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            byte[] random = new byte[10];
            System.arraycopy(hash, 6, random, 0, 10);
            long millis = 0;
            for (int i = 0; i < 6; i++) {
                millis = (millis << 8) | (hash[i] & 0xFF);
            }
            return prefix + "_" + encode(millis, random);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean hasPrefix(String id, String prefix) {
        return id != null && id.length() == prefix.length() + 27 && id.startsWith(prefix + "_")
                && id.substring(prefix.length() + 1).chars().allMatch(c -> indexOf((char) c) >= 0);
    }

    private static int indexOf(char c) {
        for (int i = 0; i < ALPHABET.length; i++) {
            if (ALPHABET[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static void increment(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (++bytes[i] != 0) {
                return;
            }
        }
    }

    private static String encode(long millis, byte[] random) {
        char[] out = new char[26];
        long time = millis & 0xFFFFFFFFFFFFL;
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        // 80 random bits -> 16 characters
        long hi = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (random[i] & 0xFF);
        }
        long lo = 0;
        for (int i = 5; i < 10; i++) {
            lo = (lo << 8) | (random[i] & 0xFF);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo >>>= 5;
        }
        return new String(out);
    }
}
