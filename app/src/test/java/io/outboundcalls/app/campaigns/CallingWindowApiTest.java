package io.outboundcalls.app.campaigns;

import static io.outboundcalls.app.campaigns.CampaignFixtures.agent;
import static io.outboundcalls.app.campaigns.CampaignFixtures.buyCredits;
import static io.outboundcalls.app.campaigns.CampaignFixtures.contact;
import static io.outboundcalls.app.campaigns.CampaignFixtures.create;
import static io.outboundcalls.app.campaigns.CampaignFixtures.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.app.support.MovableClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A campaign dialing on a Friday at 17:59 in London stops at 18:00 and dials again at 09:00 on
 * Monday, the next allowed day. Each simulated call lasts an hour (3.6 s at the test speed), so
 * with one call at a time the clock can be moved while the first call is still on the line.
 */
class CallingWindowApiTest extends ApiTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant FRIDAY_17_59 = Instant.parse("2026-12-04T17:59:00Z");
    private static final Instant FRIDAY_18_00 = Instant.parse("2026-12-04T18:00:00Z");
    private static final Instant MONDAY_09_00 = Instant.parse("2026-12-07T09:00:00Z");

    @Autowired
    private MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void stopsAtSixAndResumesAtNineOnTheNextAllowedDay() {
        ApiClient api = newAccount();
        buyCredits(api, 100_000);
        String agentId = agent(api, 3600);
        String listId = list(api);
        for (int i = 1; i <= 3; i++) {
            contact(api, listId, "+44 20 7946 0" + i + "06", "Caller" + i, "Europe/London");
        }
        String id = create(api, Map.of("name", "Weekdays", "agent_id", agentId, "contact_list_id", listId,
                "schedule", Map.of("start_date", "2026-12-01", "calling_hours", Map.of("start", "09:00", "end", "18:00"),
                        "timezone", "Europe/London", "days", List.of("mon", "tue", "wed", "thu", "fri")),
                "retry_rules", Map.of("max_attempts", 1, "delay_minutes", 1),
                "concurrent_calls", 1)).path("id").asText();

        clock.setTo(FRIDAY_17_59);
        api.post("/v1/campaigns/" + id + "/start", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> calls(api, id).size() == 1);
        clock.setTo(FRIDAY_18_00);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode campaign = api.get("/v1/campaigns/" + id).json();
            assertThat(campaign.path("waiting_reason").asText()).isEqualTo("outside_calling_hours");
            assertThat(campaign.path("next_dial_at").asText()).isEqualTo("2026-12-07T09:00:00Z");
            assertThat(campaign.path("stats").path("in_progress").asInt()).isZero();
        });
        assertThat(calls(api, id)).hasSize(1);

        clock.setTo(MONDAY_09_00);
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                assertThat(api.get("/v1/campaigns/" + id).json().path("status").asText()).isEqualTo("completed"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(calls(api, id))
                .hasSize(3).allMatch(call -> call.path("status").asText().equals("completed")));
        List<JsonNode> calls = calls(api, id);
        for (JsonNode call : calls) {
            ZonedDateTime queued = Instant.parse(call.path("queued_at").asText()).atZone(LONDON);
            assertThat(queued.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(queued.toLocalTime()).isBetween(LocalTime.of(9, 0), LocalTime.of(17, 59, 59));
        }
        assertThat(calls.stream().filter(c -> Instant.parse(c.path("queued_at").asText()).isAfter(MONDAY_09_00))).hasSize(2);
    }

    private static List<JsonNode> calls(ApiClient api, String campaignId) {
        List<JsonNode> calls = new java.util.ArrayList<>();
        api.get("/v1/calls?campaign_id=" + campaignId).json().path("data").forEach(calls::add);
        return calls;
    }
}
