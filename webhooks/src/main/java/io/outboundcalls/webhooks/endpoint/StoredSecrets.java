package io.outboundcalls.webhooks.endpoint;

import io.outboundcalls.webhooks.crypto.SecretCipher;
import org.springframework.stereotype.Component;

/**
 * Signing secrets as {@code webhooks.endpoints} keeps them: sealed, bound to their endpoint's id,
 * so a database dump or backup does not let anyone forge our signatures.
 */
@Component
public class StoredSecrets {

    private final SecretCipher cipher;

    StoredSecrets(SecretCipher cipher) {
        this.cipher = cipher;
    }

    String seal(String endpointId, String secret) {
        return cipher.sealText(secret, context(endpointId));
    }

    /**
     * The secret of a stored value. A value without a version prefix was written before secrets
     * were sealed, and is the secret itself until the start-up upgrade seals it.
     *
     * @throws SecretCipher.UnreadableException when it was sealed with another key
     */
    public String open(String endpointId, String stored) {
        return SecretCipher.isSealed(stored) ? cipher.openText(stored, context(endpointId)) : stored;
    }

    /** The stored value sealed with the current key: as it is when it already is, re-sealed or sealed otherwise. */
    String sealWithCurrentKey(String endpointId, String stored) {
        if (stored == null || cipher.isSealedWithCurrentKey(stored)) {
            return stored;
        }
        return SecretCipher.isSealed(stored) ? cipher.resealText(stored, context(endpointId)) : seal(endpointId, stored);
    }

    int currentKeyVersion() {
        return cipher.currentVersion();
    }

    private static String context(String endpointId) {
        return "webhook-secret:" + endpointId;
    }
}
