package io.outboundcalls.webhooks.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code last_error} is varchar(500): what does not fit must be cut, or the failure cannot be recorded at all. */
class BoundedErrorTextTest {

    @Test
    void keepsShortTextsAndCutsLongOnesToTheColumn() {
        assertThat(Deliveries.bounded(null)).isNull();
        assertThat(Deliveries.bounded("timeout: Read timed out")).isEqualTo("timeout: Read timed out");
        String cut = Deliveries.bounded("x".repeat(10_000));
        assertThat(cut).hasSize(Deliveries.MAX_ERROR_LENGTH).endsWith("\u2026");
        assertThat(Deliveries.bounded("y".repeat(Deliveries.MAX_ERROR_LENGTH))).hasSize(Deliveries.MAX_ERROR_LENGTH)
                .doesNotContain("\u2026");
    }

    @Test
    void dropsNulCharactersAndNeverSplitsASurrogatePair() {
        assertThat(Deliveries.bounded("bad\u0000host")).isEqualTo("badhost");
        String emoji = "\uD83D\uDE00";
        String cut = Deliveries.bounded("a".repeat(Deliveries.MAX_ERROR_LENGTH - 2) + emoji + "tail");
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
        assertThat(cut.length()).isLessThanOrEqualTo(Deliveries.MAX_ERROR_LENGTH);
    }
}
