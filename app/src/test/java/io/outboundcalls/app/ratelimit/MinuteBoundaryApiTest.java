package io.outboundcalls.app.ratelimit;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The minute quota is a sliding window: a client that spent its quota at the end of one minute
 * does not get a second full quota at the start of the next (docs/rate-limits.md).
 */
class MinuteBoundaryApiTest extends ApiTest {

    private static final int QUOTA = 20;

    @Test
    void aQuotaSpentAtTheEndOfAMinuteStillCountsAtTheStartOfTheNext() {
        ApiClient api = account();
        // the quota must land within one minute: on a slow machine the attempt is repeated
        for (int attempt = 0; attempt < 3; attempt++) {
            long minute = sleepUntilSecondOfMinute(56);
            for (int i = 0; i < QUOTA; i++) {
                assertThat(api.get("/v1/agents").status()).as("request %d", i + 1).isEqualTo(200);
            }
            if (Instant.now().getEpochSecond() / 60 != minute) {
                sleepUntilSecondOfMinute(30);
                continue;
            }
            sleepUntil((minute + 1) * 60);
            List<ApiClient.Response> next = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                next.add(api.get("/v1/agents"));
            }
            if (Instant.now().getEpochSecond() - (minute + 1) * 60 > 5) {
                continue;
            }
            // a fixed window would let all ten through; within its first 5 seconds the new minute
            // still carries 55/60 of the previous one: floor(20 * 55 / 60) = 18, so 2 more at most
            assertThat(next.stream().filter(r -> r.status() == 200)).hasSizeLessThanOrEqualTo(2);
            ApiClient.Response refused = next.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
            assertThat(refused.json().path("limit").asText()).isEqualTo("minute");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
            return;
        }
        throw new AssertionError("Could not spend the quota within one minute in 3 attempts");
    }

    private ApiClient account() {
        ApiClient.Response created = admin().post("/admin/accounts", Map.of("name", "Boundary", "tier", "standard",
                "limits", Map.of("requests_per_minute", QUOTA, "burst_per_second", 1000)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode json = created.json();
        return new ApiClient(baseUrl(), json.path("api_key").path("secret").asText());
    }

    /** Sleeps until the given second of the current minute (or the next one, if past); returns that minute. */
    private static long sleepUntilSecondOfMinute(int second) {
        long now = Instant.now().getEpochSecond();
        long target = now / 60 * 60 + second;
        if (target <= now) {
            target += 60;
        }
        sleepUntil(target);
        return target / 60;
    }

    private static void sleepUntil(long epochSecond) {
        long millis = epochSecond * 1000 - System.currentTimeMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
