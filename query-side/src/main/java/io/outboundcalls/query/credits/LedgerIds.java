package io.outboundcalls.query.credits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Ids of ledger rows whose event carries none (reservation, charge, release): derived from the
 * credit account and the event's sequence number, so replaying the ledger gives every row the same id.
 */
final class LedgerIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private LedgerIds() {
    }

    static String of(String creditAccountId, long sequence) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((creditAccountId + "#" + sequence).getBytes(StandardCharsets.UTF_8));
            char[] out = new char[26];
            for (int i = 0; i < out.length; i++) {
                int bit = i * 5;
                int value = ((hash[bit / 8] & 0xFF) << 8 | (hash[bit / 8 + 1] & 0xFF)) >> (11 - bit % 8) & 31;
                out[i] = ALPHABET[value];
            }
            return "txn_" + new String(out);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
