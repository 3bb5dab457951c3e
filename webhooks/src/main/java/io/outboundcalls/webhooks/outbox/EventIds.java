package io.outboundcalls.webhooks.outbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * Deterministic ids in the API's id format ({@code prefix_} + 26 Crockford base32 characters):
 * 48 bits of the event's own time, so they sort by when things happened, then 80 bits of a hash
 * of a name. A redelivered domain event therefore maps to the same {@code evt_} id and the same
 * delivery ids, which makes the outbox inserts idempotent.
 */
final class EventIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private EventIds() {
    }

    static String derived(String prefix, String name, Instant time) {
        byte[] hash = sha256(name);
        char[] out = new char[26];
        long millis = time.toEpochMilli() & 0xFFFFFFFFFFFFL;
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        // 80 hash bits, 5 at a time, into the last 16 characters
        for (int i = 0; i < 16; i++) {
            int bit = i * 5;
            int value = 0;
            for (int b = 0; b < 5; b++) {
                int index = bit + b;
                value = (value << 1) | ((hash[index / 8] >> (7 - index % 8)) & 1);
            }
            out[10 + i] = ALPHABET[value];
        }
        return prefix + "_" + new String(out);
    }

    private static byte[] sha256(String name) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
