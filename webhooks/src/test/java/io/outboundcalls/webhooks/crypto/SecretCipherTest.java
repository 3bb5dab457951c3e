package io.outboundcalls.webhooks.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3Fq8m3Q2yF0=";

    private final SecretCipher cipher = new SecretCipher(randomKey());

    @Test
    void opensWhatItSealedAndNeverShowsThePlaintext() {
        String sealed = cipher.sealText(SECRET, "we_1");
        assertThat(sealed).startsWith("v1:").doesNotContain("whsec_").doesNotContain("MfKQ9r8G");
        assertThat(cipher.openText(sealed, "we_1")).isEqualTo(SECRET);

        byte[] body = "{\"secret\":\"sk_live_abc\"}".getBytes(StandardCharsets.UTF_8);
        byte[] sealedBody = cipher.seal(body, "acct_1\nkey-1");
        assertThat(new String(sealedBody, StandardCharsets.ISO_8859_1)).startsWith("v1:").doesNotContain("sk_live_");
        assertThat(cipher.open(sealedBody, "acct_1\nkey-1")).isEqualTo(body);
        assertThat(cipher.open(cipher.seal(new byte[0], "empty"), "empty")).isEmpty();
    }

    @Test
    void usesAFreshNonceForEveryValue() {
        assertThat(cipher.sealText(SECRET, "we_1")).isNotEqualTo(cipher.sealText(SECRET, "we_1"));
    }

    @Test
    void detectsAlteredCiphertext() {
        byte[] sealed = cipher.seal("payload".getBytes(StandardCharsets.UTF_8), "ctx");
        for (int i = 3; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> cipher.open(tampered, "ctx")).as("byte " + i)
                    .isInstanceOf(SecretCipher.UnreadableException.class);
        }
        byte[] truncated = java.util.Arrays.copyOf(sealed, sealed.length - 1);
        assertThatThrownBy(() -> cipher.open(truncated, "ctx")).isInstanceOf(SecretCipher.UnreadableException.class);

        String text = cipher.sealText(SECRET, "we_1");
        String flipped = text.substring(0, 10) + (text.charAt(10) == 'A' ? 'B' : 'A') + text.substring(11);
        assertThatThrownBy(() -> cipher.openText(flipped, "we_1")).isInstanceOf(SecretCipher.UnreadableException.class);
    }

    @Test
    void aValueOpensOnlyInItsOwnContextAndWithItsOwnKey() {
        String sealed = cipher.sealText(SECRET, "we_1");
        assertThatThrownBy(() -> cipher.openText(sealed, "we_2")).isInstanceOf(SecretCipher.UnreadableException.class);
        assertThatThrownBy(() -> new SecretCipher(randomKey()).openText(sealed, "we_1"))
                .isInstanceOf(SecretCipher.UnreadableException.class);
        assertThatThrownBy(() -> cipher.openText("v2:" + sealed.substring(3), "we_1"))
                .isInstanceOf(SecretCipher.UnreadableException.class);
    }

    @Test
    void tellsSealedValuesFromPlainOnes() {
        assertThat(SecretCipher.isSealed(cipher.sealText(SECRET, "x"))).isTrue();
        assertThat(SecretCipher.isSealed(cipher.seal(new byte[]{1, 2}, "x"))).isTrue();
        assertThat(SecretCipher.isSealed("v12:abc")).isTrue();
        assertThat(SecretCipher.isSealed(SECRET)).isFalse();
        assertThat(SecretCipher.isSealed("{\"id\":\"key_1\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(SecretCipher.isSealed("v:abc")).isFalse();
        assertThat(SecretCipher.isSealed("")).isFalse();
        assertThat(SecretCipher.isSealed((String) null)).isFalse();
    }

    @Test
    void aNewKeySealsWhileThePreviousOneStillOpensWhatItSealed() {
        byte[] oldKey = randomKey();
        SecretCipher before = new SecretCipher(oldKey);
        String oldText = before.sealText(SECRET, "we_1");
        byte[] oldBytes = before.seal("body".getBytes(StandardCharsets.UTF_8), "idem");

        SecretCipher rotated = new SecretCipher(2, randomKey(), java.util.Map.of(1, oldKey));
        assertThat(rotated.sealText(SECRET, "we_1")).startsWith("v2:");
        assertThat(rotated.openText(oldText, "we_1")).isEqualTo(SECRET);
        assertThat(rotated.open(oldBytes, "idem")).isEqualTo("body".getBytes(StandardCharsets.UTF_8));
        assertThat(rotated.isSealedWithCurrentKey(oldText)).isFalse();
        assertThat(rotated.isSealedWithCurrentKey(oldBytes)).isFalse();

        String resealed = rotated.resealText(oldText, "we_1");
        byte[] resealedBytes = rotated.reseal(oldBytes, "idem");
        assertThat(rotated.isSealedWithCurrentKey(resealed)).isTrue();
        assertThat(rotated.isSealedWithCurrentKey(resealedBytes)).isTrue();

        SecretCipher withoutTheOldKey = new SecretCipher(2, randomKey(), java.util.Map.of());
        assertThatThrownBy(() -> withoutTheOldKey.openText(oldText, "we_1"))
                .isInstanceOf(SecretCipher.UnreadableException.class).hasMessageContaining("key version 1");
        assertThatThrownBy(() -> before.openText(resealed, "we_1"))
                .isInstanceOf(SecretCipher.UnreadableException.class).hasMessageContaining("key version 2");
    }

    @Test
    void refusesAVersionTwiceOrBelowTheFirst() {
        assertThatThrownBy(() -> new SecretCipher(2, randomKey(), java.util.Map.of(2, randomKey())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretCipher(0, randomKey(), java.util.Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretCipher(2, randomKey(), java.util.Map.of(1, new byte[16])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key version 1");
    }

    @Test
    void anAbsurdVersionIsUnreadableNotACrash() {
        assertThatThrownBy(() -> cipher.openText("v99999999999999999999:AAAA", "ctx"))
                .isInstanceOf(SecretCipher.UnreadableException.class);
    }

    @Test
    void requiresA256BitKey() {
        assertThatThrownBy(() -> new SecretCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[SecretCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
