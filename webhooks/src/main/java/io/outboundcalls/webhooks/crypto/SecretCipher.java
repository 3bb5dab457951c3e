package io.outboundcalls.webhooks.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Encrypts secrets we must keep but must not store readable (webhook signing secrets, idempotent
 * replays of responses that carry an API key): AES-256-GCM with a random 96-bit nonce per value.
 * <p>
 * A sealed value starts with its key's version ({@code v1:}), then the nonce and the ciphertext
 * with its tag: raw bytes in {@link #seal(byte[], String)}, base64 in {@link #sealText(String, String)}.
 * The version lets a later key be added beside this one without re-encrypting everything at once.
 * {@code context} is authenticated but not stored (GCM's associated data): it names the row a
 * value belongs to, so a value copied into another row does not open there.
 * <p>
 * It lives in the webhooks module because that is the lowest module both the webhook registry
 * and the app's idempotency store can reach ({@code shared-events} holds events only).
 */
public final class SecretCipher {

    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** The only key version so far; a rotation adds the next one. */
    private static final int KEY_VERSION = 1;
    private static final String PREFIX = "v" + KEY_VERSION + ":";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A sealed value that cannot be opened: another key, a wrong context, or altered bytes. */
    public static final class UnreadableException extends RuntimeException {
        UnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final SecretKeySpec key;

    public SecretCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("An AES-256 key has " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** Whether {@code stored} carries a version prefix ({@code v<digits>:}), i.e. was sealed rather than stored plain. */
    public static boolean isSealed(byte[] stored) {
        if (stored == null || stored.length < 3 || stored[0] != 'v') {
            return false;
        }
        int i = 1;
        while (i < stored.length && stored[i] >= '0' && stored[i] <= '9') {
            i++;
        }
        return i > 1 && i < stored.length && stored[i] == ':';
    }

    public static boolean isSealed(String stored) {
        return stored != null && isSealed(stored.substring(0, Math.min(stored.length(), 12))
                .getBytes(StandardCharsets.US_ASCII));
    }

    public byte[] seal(byte[] plaintext, String context) {
        byte[] body = sealBody(plaintext, context);
        return ByteBuffer.allocate(PREFIX.length() + body.length)
                .put(PREFIX.getBytes(StandardCharsets.US_ASCII)).put(body).array();
    }

    public byte[] open(byte[] sealed, String context) {
        byte[] expected = PREFIX.getBytes(StandardCharsets.US_ASCII);
        if (sealed == null || sealed.length < expected.length
                || !Arrays.equals(sealed, 0, expected.length, expected, 0, expected.length)) {
            throw unknownVersion();
        }
        return openBody(sealed, expected.length, context);
    }

    public String sealText(String plaintext, String context) {
        return PREFIX + Base64.getEncoder().encodeToString(sealBody(plaintext.getBytes(StandardCharsets.UTF_8), context));
    }

    public String openText(String sealed, String context) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw unknownVersion();
        }
        byte[] body;
        try {
            body = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new UnreadableException("A sealed value is not valid base64", e);
        }
        return new String(openBody(body, 0, context), StandardCharsets.UTF_8);
    }

    /** Nonce, then ciphertext and tag. */
    private byte[] sealBody(byte[] plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] ciphertext = run(Cipher.ENCRYPT_MODE, nonce, context, plaintext, 0, plaintext.length);
        return ByteBuffer.allocate(NONCE_BYTES + ciphertext.length).put(nonce).put(ciphertext).array();
    }

    private byte[] openBody(byte[] buffer, int offset, String context) {
        if (buffer.length - offset < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableException("A sealed value is too short", null);
        }
        byte[] nonce = Arrays.copyOfRange(buffer, offset, offset + NONCE_BYTES);
        int from = offset + NONCE_BYTES;
        return run(Cipher.DECRYPT_MODE, nonce, context, buffer, from, buffer.length - from);
    }

    private static UnreadableException unknownVersion() {
        return new UnreadableException("Not a value sealed with key version " + KEY_VERSION, null);
    }

    private byte[] run(int mode, byte[] nonce, String context, byte[] input, int offset, int length) {
        try {
            // a Cipher is stateful and not thread-safe: one per operation
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw new UnreadableException("A sealed value does not open with this key and context", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    }
}
