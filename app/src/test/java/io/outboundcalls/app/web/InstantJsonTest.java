package io.outboundcalls.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.outboundcalls.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class InstantJsonTest extends ApiTest {

    @Autowired
    ObjectMapper web;

    @Test
    void writesWhatInstantToStringWrites() {
        List<Instant> edges = List.of(Instant.EPOCH, Instant.ofEpochSecond(-1), Instant.ofEpochSecond(0, 1),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("2024-02-29T12:00:00.120Z"), Instant.parse("2026-11-27T07:00:00.000100Z"),
                Instant.parse("2026-11-27T07:00:00.100000001Z"), Instant.parse("1969-12-31T23:59:59.5Z"),
                Instant.parse("-0001-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.MIN, Instant.MAX);
        for (Instant instant : edges) {
            assertThat(InstantJson.format(instant)).isEqualTo(instant.toString());
        }
        SplittableRandom random = new SplittableRandom(27);
        for (int i = 0; i < 200_000; i++) {
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(-63_000_000_000L, 254_000_000_000L), nano);
            assertThat(InstantJson.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void isTheWebMappersInstantSerializer() throws Exception {
        Instant at = Instant.parse("2026-11-27T07:00:00.123456Z");
        assertThat(web.writeValueAsString(Map.of("created_at", at))).isEqualTo("{\"created_at\":\"2026-11-27T07:00:00.123456Z\"}");
        assertThat(web.getSerializerProviderInstance().findValueSerializer(Instant.class).getClass().getEnclosingClass())
                .isEqualTo(InstantJson.class);
    }
}
