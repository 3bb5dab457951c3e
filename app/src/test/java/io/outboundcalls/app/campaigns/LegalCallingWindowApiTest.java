package io.outboundcalls.app.campaigns;

import static io.outboundcalls.app.campaigns.CampaignFixtures.agent;
import static io.outboundcalls.app.campaigns.CampaignFixtures.buyCredits;
import static io.outboundcalls.app.campaigns.CampaignFixtures.campaignBody;
import static io.outboundcalls.app.campaigns.CampaignFixtures.contact;
import static io.outboundcalls.app.campaigns.CampaignFixtures.create;
import static io.outboundcalls.app.campaigns.CampaignFixtures.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.app.support.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The account's legal calling window: refused at creation, changed by the operator, enforced by the dialer. */
class LegalCallingWindowApiTest extends ApiTest {

    /** A Friday in December: London is on UTC, 22:00 is past the default 21:00. */
    private static final Instant FRIDAY_22_00 = Instant.parse("2026-12-04T22:00:00Z");
    private static final Instant SATURDAY_08_00 = Instant.parse("2026-12-05T08:00:00Z");

    @Autowired
    private MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** An account created by the operator: its id and a client acting for it. */
    private record Account(String id, ApiClient api) {
    }

    private Account account(Map<String, Object> body) {
        ApiClient.Response created = admin().post("/admin/accounts", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Account(created.json().path("id").asText(),
                new ApiClient(baseUrl(), created.json().path("api_key").path("secret").asText()));
    }

    @Test
    void callingHoursBeyondTheLegalWindowAreRefusedUntilTheOperatorWidensIt() {
        Account account = account(Map.of("name", "Default window", "tier", "enterprise"));
        ApiClient api = account.api();
        assertThat(admin().get("/admin/accounts/" + account.id()).json().path("legal_calling_window"))
                .isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of("start", "08:00", "end", "21:00")));
        String agentId = agent(api, 60);
        String listId = list(api);

        ApiClient.Response early = api.post("/v1/campaigns", campaignBody(agentId, listId, "07:00", "18:00", 1, 1, 1));
        assertThat(early.status()).as(early.toString()).isEqualTo(422);
        assertThat(early.json().path("code").asText()).isEqualTo("outside_legal_hours");
        assertThat(early.json().path("param").asText()).isEqualTo("schedule.calling_hours");
        ApiClient.Response late = api.post("/v1/campaigns", campaignBody(agentId, listId, "09:00", "21:30", 1, 1, 1));
        assertThat(late.json().path("code").asText()).isEqualTo("outside_legal_hours");
        create(api, campaignBody(agentId, listId, "08:00", "21:00", 1, 1, 1));

        ApiClient.Response widened = admin().patch("/admin/accounts/" + account.id(),
                Map.of("legal_calling_window", Map.of("start", "07:00", "end", "22:00")));
        assertThat(widened.status()).as(widened.toString()).isEqualTo(200);
        assertThat(widened.json().path("legal_calling_window").path("start").asText()).isEqualTo("07:00");
        assertThat(widened.json().path("legal_calling_window").path("end").asText()).isEqualTo("22:00");
        create(api, campaignBody(agentId, listId, "07:00", "18:00", 1, 1, 1));
        assertThat(api.post("/v1/campaigns", campaignBody(agentId, listId, "09:00", "22:30", 1, 1, 1)).status()).isEqualTo(422);
    }

    @Test
    void theOperatorsWindowIsValidatedAndRefusalsChangeNothing() {
        Account account = account(Map.of("name", "Checked", "tier", "standard",
                "legal_calling_window", Map.of("start", "09:00", "end", "20:00")));
        assertThat(admin().get("/admin/accounts/" + account.id()).json().path("legal_calling_window").path("start").asText())
                .isEqualTo("09:00");

        ApiClient.Response backwards = admin().patch("/admin/accounts/" + account.id(),
                Map.of("tier", "enterprise", "legal_calling_window", Map.of("start", "21:00", "end", "08:00")));
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().path("errors").get(0).path("param").asText()).isEqualTo("legal_calling_window.end");
        ApiClient.Response malformed = admin().patch("/admin/accounts/" + account.id(),
                Map.of("legal_calling_window", Map.of("start", "8am", "end", "21:00", "zone", "UTC")));
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.json().path("errors").findValuesAsText("param"))
                .contains("legal_calling_window.start", "legal_calling_window.zone");
        JsonNode unchanged = admin().get("/admin/accounts/" + account.id()).json();
        assertThat(unchanged.path("tier").asText()).isEqualTo("standard");
        assertThat(unchanged.path("legal_calling_window").path("end").asText()).isEqualTo("20:00");
        assertThat(admin().patch("/admin/accounts/acct_00000000000000000000000000",
                Map.of("legal_calling_window", Map.of("start", "08:00", "end", "21:00"))).status()).isEqualTo(404);
    }

    /**
     * A campaign created while the account could call around the clock keeps its 00:00–23:59
     * hours; once the operator narrows the account to the default window, its contact is not
     * dialed at 22:00 and is dialed at 08:00.
     */
    @Test
    void theDialerHoldsAnOldCampaignToTheAccountsCurrentWindow() {
        Account account = account(Map.of("name", "Narrowed", "tier", "enterprise",
                "legal_calling_window", Map.of("start", "00:00", "end", "23:59")));
        ApiClient api = account.api();
        buyCredits(api, 10_000);
        String listId = list(api);
        contact(api, listId, "+44 20 7946 4010", "Night", "Europe/London");
        String id = create(api, campaignBody(agent(api, 60), listId, "00:00", "23:59", 1, 1, 1)).path("id").asText();
        assertThat(admin().patch("/admin/accounts/" + account.id(),
                Map.of("legal_calling_window", Map.of("start", "08:00", "end", "21:00"))).status()).isEqualTo(200);

        clock.setTo(FRIDAY_22_00);
        api.post("/v1/campaigns/" + id + "/start", null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode campaign = api.get("/v1/campaigns/" + id).json();
            assertThat(campaign.path("waiting_reason").asText()).isEqualTo("outside_calling_hours");
            assertThat(campaign.path("next_dial_at").asText()).isEqualTo("2026-12-05T08:00:00Z");
        });
        assertThat(api.get("/v1/calls?campaign_id=" + id).json().path("data")).isEmpty();

        clock.setTo(SATURDAY_08_00);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/v1/campaigns/" + id).json().path("status").asText()).isEqualTo("completed"));
        JsonNode call = api.get("/v1/calls?campaign_id=" + id).json().path("data").get(0);
        assertThat(Instant.parse(call.path("queued_at").asText())).isAfterOrEqualTo(SATURDAY_08_00);
    }
}
