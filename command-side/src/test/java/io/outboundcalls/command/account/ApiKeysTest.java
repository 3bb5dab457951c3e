package io.outboundcalls.command.account;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTest {

    @Test
    void keysAreLongRandomBase62WithTheLivePrefix() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ApiKeys.Generated key = ApiKeys.generate("k");
            assertThat(key.secret()).startsWith("sk_live_").hasSize("sk_live_".length() + 43);
            assertThat(key.secret().substring(8)).matches("[0-9A-Za-z]{43}");
            assertThat(ApiKeys.looksLikeKey(key.secret())).isTrue();
            assertThat(key.key().keyHash()).isEqualTo(ApiKeys.hash(key.secret())).hasSize(64);
            assertThat(key.key().keyHash()).doesNotContain(key.secret().substring(8));
            assertThat(key.key().last4()).isEqualTo(key.secret().substring(key.secret().length() - 4));
            assertThat(seen.add(key.secret())).isTrue();
        }
    }

    @Test
    void recognisesMalformedKeys() {
        assertThat(ApiKeys.looksLikeKey(null)).isFalse();
        assertThat(ApiKeys.looksLikeKey("sk_live_short")).isFalse();
        assertThat(ApiKeys.looksLikeKey("sk_test_" + "a".repeat(43))).isFalse();
        assertThat(ApiKeys.looksLikeKey("sk_live_" + "a".repeat(42) + "é")).isFalse();
    }
}
