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
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Encrypts secrets we must keep but must not store readable (webhook signing secrets, idempotent
 * replays of responses that carry an API key): AES-256-GCM with a random 96-bit nonce per value.
 * <p>
 * A sealed value starts with its key's version ({@code v1:}), then the nonce and the ciphertext
 * with its tag: raw bytes in {@link #seal(byte[], String)}, base64 in {@link #sealText(String, String)}.
 * The version names the key: values are sealed with the current key and open with any configured one,
 * so a new key can replace a compromised or old one while values sealed before are re-sealed
 * ({@link #isSealedWithCurrentKey}) and the old key is then removed.
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
    /** The version of a key configured without one: the first. */
    public static final int FIRST_VERSION = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A sealed value that cannot be opened: another key, a wrong context, or altered bytes. */
    public static final class UnreadableException extends RuntimeException {
        UnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final int currentVersion;
    private final String prefix;
    private final Map<Integer, SecretKeySpec> keys;

    public SecretCipher(byte[] key) {
        this(FIRST_VERSION, key, Map.of());
    }

    /**
     * @param currentVersion the version of {@code currentKey}, which seals every new value
     * @param previousKeys   keys that sealed values before, by version: they still open them
     */
    public SecretCipher(int currentVersion, byte[] currentKey, Map<Integer, byte[]> previousKeys) {
        if (currentVersion < FIRST_VERSION) {
            throw new IllegalArgumentException("Key versions start at " + FIRST_VERSION + ", not " + currentVersion);
        }
        if (previousKeys.containsKey(currentVersion)) {
            throw new IllegalArgumentException("Key version " + currentVersion + " is both the current and a previous key");
        }
        Map<Integer, SecretKeySpec> all = new HashMap<>();
        previousKeys.forEach((version, key) -> all.put(version, spec(version, key)));
        all.put(currentVersion, spec(currentVersion, currentKey));
        this.currentVersion = currentVersion;
        this.prefix = "v" + currentVersion + ":";
        this.keys = Map.copyOf(all);
    }

    private static SecretKeySpec spec(int version, byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("An AES-256 key has " + KEY_BYTES + " bytes, not " + key.length
                    + " (key version " + version + ")");
        }
        return new SecretKeySpec(key.clone(), "AES");
    }

    public int currentVersion() {
        return currentVersion;
    }

    /** Whether a stored value is sealed with the current key: anything else is re-sealed. */
    public boolean isSealedWithCurrentKey(byte[] stored) {
        return isSealed(stored) && versionOf(stored) == currentVersion;
    }

    public boolean isSealedWithCurrentKey(String stored) {
        return stored != null && stored.startsWith(prefix);
    }

    /** The value opened with whichever configured key sealed it and sealed again with the current one. */
    public byte[] reseal(byte[] sealed, String context) {
        return seal(open(sealed, context), context);
    }

    public String resealText(String sealed, String context) {
        return sealText(openText(sealed, context), context);
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
        byte[] body = sealBody(currentVersion, plaintext, context);
        return ByteBuffer.allocate(prefix.length() + body.length)
                .put(prefix.getBytes(StandardCharsets.US_ASCII)).put(body).array();
    }

    public byte[] open(byte[] sealed, String context) {
        if (!isSealed(sealed)) {
            throw new UnreadableException("Not a sealed value", null);
        }
        int version = versionOf(sealed);
        return openBody(version, sealed, prefixLength(sealed), context);
    }

    public String sealText(String plaintext, String context) {
        return prefix + Base64.getEncoder().encodeToString(sealBody(currentVersion, plaintext.getBytes(StandardCharsets.UTF_8), context));
    }

    public String openText(String sealed, String context) {
        if (!isSealed(sealed)) {
            throw new UnreadableException("Not a sealed value", null);
        }
        byte[] head = sealed.substring(0, Math.min(sealed.length(), 12)).getBytes(StandardCharsets.US_ASCII);
        int version = versionOf(head);
        byte[] body;
        try {
            body = Base64.getDecoder().decode(sealed.substring(prefixLength(head)));
        } catch (IllegalArgumentException e) {
            throw new UnreadableException("A sealed value is not valid base64", e);
        }
        return new String(openBody(version, body, 0, context), StandardCharsets.UTF_8);
    }

    /** The digits after {@code v}; the caller has checked {@link #isSealed}. */
    private static int versionOf(byte[] sealed) {
        int version = 0;
        for (int i = 1; sealed[i] != ':'; i++) {
            if (version > 100_000) {
                return -1; // no configured key has such a version
            }
            version = version * 10 + (sealed[i] - '0');
        }
        return version;
    }

    private static int prefixLength(byte[] sealed) {
        int i = 1;
        while (sealed[i] != ':') {
            i++;
        }
        return i + 1;
    }

    /** Nonce, then ciphertext and tag. */
    private byte[] sealBody(int version, byte[] plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] ciphertext = run(version, Cipher.ENCRYPT_MODE, nonce, context, plaintext, 0, plaintext.length);
        return ByteBuffer.allocate(NONCE_BYTES + ciphertext.length).put(nonce).put(ciphertext).array();
    }

    private byte[] openBody(int version, byte[] buffer, int offset, String context) {
        if (!keys.containsKey(version)) {
            throw new UnreadableException("A value is sealed with key version " + version + ", which is not configured "
                    + "(configured: " + new TreeSet<>(keys.keySet()) + ")", null);
        }
        if (buffer.length - offset < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableException("A sealed value is too short", null);
        }
        byte[] nonce = Arrays.copyOfRange(buffer, offset, offset + NONCE_BYTES);
        int from = offset + NONCE_BYTES;
        return run(version, Cipher.DECRYPT_MODE, nonce, context, buffer, from, buffer.length - from);
    }

    private byte[] run(int version, int mode, byte[] nonce, String context, byte[] input, int offset, int length) {
        try {
            // a Cipher is stateful and not thread-safe: one per operation
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, keys.get(version), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw new UnreadableException("A sealed value does not open with this key and context", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    }
}
