package io.outboundcalls.command.account;

import io.outboundcalls.command.common.Ids;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Generates and hashes API keys: {@code sk_live_} followed by 32 random bytes in base62. */
public final class ApiKeys {

    public static final String PREFIX = "sk_live_";
    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    /** 32 random bytes need at most 43 base62 digits; padding to 43 keeps every key the same length. */
    private static final int SECRET_LENGTH = 43;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    /**
     * One digest per thread: every authenticated request hashes its key, and
     * {@code MessageDigest.getInstance} looks the algorithm up among the providers each time
     * (profiled at 1.5 % of a request's CPU). {@code digest} resets it after each use.
     */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private ApiKeys() {
    }

    public record Generated(String secret, NewApiKey key) {
    }

    public static Generated generate(String name) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + base62(bytes);
        NewApiKey key = new NewApiKey(Ids.newId("key"), name, hash(secret),
                secret.substring(0, PREFIX.length() + 4), secret.substring(secret.length() - 4));
        return new Generated(secret, key);
    }

    /** Keys are 256-bit random, so a fast hash is enough: there is nothing to brute-force. */
    public static String hash(String secret) {
        byte[] digest = SHA_256.get().digest(secret.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(digest);
    }

    public static boolean looksLikeKey(String candidate) {
        if (candidate == null || !candidate.startsWith(PREFIX) || candidate.length() != PREFIX.length() + SECRET_LENGTH) {
            return false;
        }
        for (int i = PREFIX.length(); i < candidate.length(); i++) {
            if (!Character.isLetterOrDigit(candidate.charAt(i)) || candidate.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }

    private static String base62(byte[] bytes) {
        BigInteger value = new BigInteger(1, bytes);
        BigInteger base = BigInteger.valueOf(62);
        StringBuilder out = new StringBuilder();
        while (value.signum() > 0) {
            BigInteger[] qr = value.divideAndRemainder(base);
            out.append(BASE62[qr[1].intValue()]);
            value = qr[0];
        }
        while (out.length() < SECRET_LENGTH) {
            out.append('0');
        }
        return out.reverse().toString();
    }
}
