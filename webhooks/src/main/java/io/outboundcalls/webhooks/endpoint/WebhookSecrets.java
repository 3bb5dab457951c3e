package io.outboundcalls.webhooks.endpoint;

import java.security.SecureRandom;
import java.util.Base64;

/** Signing secrets in the Standard Webhooks format: {@code whsec_} + base64 of random bytes. */
public final class WebhookSecrets {

    public static final String PREFIX = "whsec_";
    /** 256 bits: as strong as the HMAC-SHA256 they key. */
    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {
    }

    public static String newSecret() {
        byte[] key = new byte[BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    public static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
    }
}
