package io.outboundcalls.app.credits;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.app.web.ReadYourWrites;
import io.outboundcalls.command.credits.CreditAccountIds;
import io.outboundcalls.command.credits.DebitCreditsCommand;
import io.outboundcalls.command.credits.InsufficientCreditsException;
import io.outboundcalls.command.credits.ReserveCreditsCommand;
import io.outboundcalls.query.credits.CreditBalanceProjection;
import io.outboundcalls.query.credits.CreditLedgerProjection;
import io.outboundcalls.query.credits.CreditUsageProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditsApiTest extends ApiTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    ReadYourWrites readYourWrites;
    @Autowired
    JdbcTemplate jdbc;

    record Account(String id, ApiClient api) {
    }

    private Account account() {
        ApiClient.Response created = admin().post("/admin/accounts", Map.of("name", "Credits", "tier", "enterprise"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Account(created.json().path("id").asText(),
                new ApiClient(baseUrl(), created.json().path("api_key").path("secret").asText()));
    }

    private JsonNode purchase(Account account, long amount) {
        ApiClient.Response response = account.api().post("/v1/credits/purchase", Map.of("amount", amount));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private void reserve(Account account, String reservationId, long credits, String campaignId) {
        commands.sendAndWait(new ReserveCreditsCommand(CreditAccountIds.of(account.id()), account.id(), reservationId,
                credits, campaignId, "call_" + reservationId));
    }

    private void settle(Account account, String reservationId, long seconds, String campaignId, String agentId) {
        commands.sendAndWait(new DebitCreditsCommand(CreditAccountIds.of(account.id()), account.id(), reservationId,
                seconds, "call_" + reservationId, campaignId, agentId));
    }

    private void awaitProjections(Account account) {
        for (String group : List.of(CreditBalanceProjection.PROCESSING_GROUP, CreditLedgerProjection.PROCESSING_GROUP,
                CreditUsageProjection.PROCESSING_GROUP)) {
            assertThat(readYourWrites.await(group, CreditAccountIds.of(account.id()))).isTrue();
        }
    }

    /** Two purchases, four calls (one never connected, one still in flight), in two campaigns with two agents. */
    private void realisticMix(Account account) {
        purchase(account, 500);
        reserve(account, "r1", 100, "camp_a");
        reserve(account, "r2", 100, "camp_a");
        settle(account, "r1", 61, "camp_a", "agent_x");   // 66 s billed, 11 credits
        settle(account, "r2", 0, "camp_a", "agent_x");    // never connected: free
        purchase(account, 250);
        reserve(account, "r3", 100, "camp_b");
        settle(account, "r3", 125, "camp_b", "agent_y");  // 126 s billed, 21 credits
        reserve(account, "r4", 100, "camp_b");            // in flight
        awaitProjections(account);
    }

    @Test
    void newAccountHasAnEmptyBalance() {
        JsonNode balance = account().api().get("/v1/credits/balance").json();
        assertThat(balance.path("object").asText()).isEqualTo("balance");
        assertThat(balance.path("balance").asLong()).isZero();
        assertThat(balance.path("reserved").asLong()).isZero();
        assertThat(balance.path("available").asLong()).isZero();
        assertThat(balance.path("low_balance_threshold").asLong()).isZero();
    }

    @Test
    void purchaseAddsCreditsAndAppearsInTheLedger() {
        Account account = account();
        JsonNode first = purchase(account, 1000);
        assertThat(first.path("id").asText()).startsWith("txn_");
        assertThat(first.path("object").asText()).isEqualTo("credit_transaction");
        assertThat(first.path("type").asText()).isEqualTo("purchase");
        assertThat(first.path("amount").asLong()).isEqualTo(1000);
        assertThat(first.path("balance_after").asLong()).isEqualTo(1000);
        assertThat(first.path("created_at").asText()).isNotEmpty();
        JsonNode second = purchase(account, 1_000_000);
        assertThat(second.path("balance_after").asLong()).isEqualTo(1_001_000);

        JsonNode balance = account.api().get("/v1/credits/balance").json();
        assertThat(balance.path("balance").asLong()).isEqualTo(1_001_000);
        assertThat(balance.path("available").asLong()).isEqualTo(1_001_000);

        JsonNode ledger = account.api().get("/v1/credits/transactions").json();
        assertThat(ledger.path("object").asText()).isEqualTo("list");
        assertThat(ledger.path("data")).hasSize(2);
        assertThat(ledger.path("data").get(0).path("id").asText()).isEqualTo(second.path("id").asText());
        assertThat(ledger.path("data").get(1).path("id").asText()).isEqualTo(first.path("id").asText());
    }

    @Test
    void purchaseValidatesTheAmount() {
        ApiClient api = account().api();
        for (Object amount : List.of(0, -5, 1_000_001, "ten", 1.5)) {
            ApiClient.Response response = api.post("/v1/credits/purchase", Map.of("amount", amount));
            assertThat(response.status()).as(amount + " -> " + response).isEqualTo(422);
            assertThat(response.json().path("errors").get(0).path("param").asText()).isEqualTo("amount");
        }
        ApiClient.Response missing = api.post("/v1/credits/purchase", Map.of("credits", 10));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.rawBody()).contains("parameter_missing").contains("credits");
        assertThat(api.get("/v1/credits/balance").json().path("balance").asLong()).isZero();
    }

    @Test
    void purchaseWithTheSameIdempotencyKeyIsMadeOnce() {
        Account account = account();
        Map<String, String> key = Map.of("Idempotency-Key", "buy-once");
        ApiClient.Response first = account.api().post("/v1/credits/purchase", Map.of("amount", 300), key);
        ApiClient.Response replay = account.api().post("/v1/credits/purchase", Map.of("amount", 300), key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
        assertThat(account.api().post("/v1/credits/purchase", Map.of("amount", 301), key).status()).isEqualTo(422);
        assertThat(account.api().get("/v1/credits/balance").json().path("balance").asLong()).isEqualTo(300);
        assertThat(account.api().get("/v1/credits/transactions").json().path("data")).hasSize(1);
    }

    @Test
    void settingsChangeTheLowBalanceThreshold() {
        Account account = account();
        purchase(account, 100);
        ApiClient.Response patched = account.api().patch("/v1/credits/settings", Map.of("low_balance_threshold", 250));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("low_balance_threshold").asLong()).isEqualTo(250);
        assertThat(account.api().get("/v1/credits/balance").json().path("low_balance_threshold").asLong()).isEqualTo(250);
        assertThat(account.api().patch("/v1/credits/settings", Map.of("low_balance_threshold", -1)).status()).isEqualTo(422);
        assertThat(account.api().patch("/v1/credits/settings", Map.of()).status()).isEqualTo(422);
        assertThat(account.api().patch("/v1/credits/settings", Map.of("low_balance_threshold", 5, "x", 1)).status())
                .isEqualTo(422);
        assertThat(jdbc.queryForObject("select count(*) from eventstore.domain_event_entry where aggregateIdentifier = ? "
                        + "and payloadType like '%CreditBalanceLowEvent'", Long.class, CreditAccountIds.of(account.id())))
                .as("raising the threshold above the available credits is a crossing").isEqualTo(1);
    }

    @Test
    void ledgerListsEveryMovementWithRunningBalances() {
        Account account = account();
        realisticMix(account);
        JsonNode data = account.api().get("/v1/credits/transactions?limit=100").json().path("data");
        List<String> types = new ArrayList<>();
        data.forEach(row -> types.add(row.path("type").asText()));
        assertThat(types).containsExactly("reservation", "release", "charge", "reservation", "purchase",
                "release", "charge", "release", "charge", "reservation", "reservation", "purchase");
        JsonNode newest = data.get(0);
        assertThat(newest.path("balance_after").asLong()).isEqualTo(750 - 11 - 21);
        assertThat(newest.path("reserved_after").asLong()).isEqualTo(100);
        assertThat(newest.path("call_id").asText()).isEqualTo("call_r4");
        JsonNode charge = data.get(2);
        assertThat(charge.path("amount").asLong()).isEqualTo(21);
        assertThat(charge.path("campaign_id").asText()).isEqualTo("camp_b");

        JsonNode page1 = account.api().get("/v1/credits/transactions?limit=5").json();
        assertThat(page1.path("has_more").asBoolean()).isTrue();
        String last = page1.path("data").get(4).path("id").asText();
        JsonNode page2 = account.api().get("/v1/credits/transactions?limit=5&starting_after=" + last).json();
        assertThat(page2.path("data").get(0).path("type").asText()).isEqualTo("release");
        assertThat(page2.path("data").get(0).path("id").asText()).isEqualTo(data.get(5).path("id").asText());
        String first = page2.path("data").get(0).path("id").asText();
        JsonNode back = account.api().get("/v1/credits/transactions?limit=5&ending_before=" + first).json();
        assertThat(back.path("data").get(4).path("id").asText()).isEqualTo(last);

        assertThat(account.api().get("/v1/credits/transactions?type=purchase").json().path("data")).hasSize(2);
        assertThat(account.api().get("/v1/credits/transactions?type=refund").status()).isEqualTo(400);
        assertThat(account.api().get("/v1/credits/transactions?limit=0").status()).isEqualTo(400);
    }

    @Test
    void usageGroupsSettledCallsByDayCampaignAndAgent() {
        Account account = account();
        realisticMix(account);
        JsonNode byDay = account.api().get("/v1/credits/usage").json();
        assertThat(byDay.path("object").asText()).isEqualTo("usage");
        assertThat(byDay.path("total_credits").asLong()).isEqualTo(32);
        assertThat(byDay.path("total_calls").asLong()).isEqualTo(3);
        assertThat(byDay.path("total_billed_seconds").asLong()).isEqualTo(66 + 126);
        assertThat(byDay.path("data")).hasSize(1);
        assertThat(byDay.path("data").get(0).path("date").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());

        JsonNode byCampaign = account.api().get("/v1/credits/usage?group_by=campaign").json().path("data");
        assertThat(byCampaign).hasSize(2);
        assertThat(byCampaign.get(0).path("campaign_id").asText()).isEqualTo("camp_a");
        assertThat(byCampaign.get(0).path("calls").asLong()).isEqualTo(2);
        assertThat(byCampaign.get(0).path("credits").asLong()).isEqualTo(11);
        assertThat(byCampaign.get(1).path("credits").asLong()).isEqualTo(21);

        JsonNode byAgent = account.api().get("/v1/credits/usage?group_by=agent").json().path("data");
        assertThat(byAgent.get(1).path("agent_id").asText()).isEqualTo("agent_y");
        assertThat(byAgent.get(1).path("billed_seconds").asLong()).isEqualTo(126);

        JsonNode past = account.api().get("/v1/credits/usage?start=2020-01-01&end=2020-12-31").json();
        assertThat(past.path("total_calls").asLong()).isZero();
        assertThat(past.path("data")).isEmpty();
        assertThat(account.api().get("/v1/credits/usage?group_by=week").status()).isEqualTo(400);
        assertThat(account.api().get("/v1/credits/usage?start=yesterday").status()).isEqualTo(400);
        assertThat(account.api().get("/v1/credits/usage?start=2026-01-02&end=2026-01-01").status()).isEqualTo(400);
    }

    @Test
    void reservationBeyondAvailableIsRefusedWithTheFigures() {
        Account account = account();
        purchase(account, 50);
        assertThatThrownBy(() -> reserve(account, "big", 51, "camp_a"))
                .isInstanceOfSatisfying(InsufficientCreditsException.class, e -> {
                    assertThat(e.available()).isEqualTo(50);
                    assertThat(e.requested()).isEqualTo(51);
                    assertThat(e.code()).isEqualTo("insufficient_credits");
                });
    }

    @Test
    void auditAgreesWithTheReadModelAfterARealisticMix() {
        Account account = account();
        purchase(account, 40);
        Instant afterFirstPurchase = Instant.now();
        awaitProjections(account);
        realisticMix(account);

        JsonNode audit = account.api().get("/v1/credits/audit").json();
        assertThat(audit.path("object").asText()).isEqualTo("credit_audit");
        assertThat(audit.path("consistent").asBoolean()).as(audit.toString()).isTrue();
        assertThat(audit.path("balance").asLong()).isEqualTo(790 - 32);
        assertThat(audit.path("reserved").asLong()).isEqualTo(100);
        assertThat(audit.path("available").asLong()).isEqualTo(790 - 32 - 100);
        assertThat(audit.path("read_model").path("balance").asLong()).isEqualTo(790 - 32);
        // each purchase is two events: requested, then paid
        assertThat(audit.path("events_replayed").asLong()).isEqualTo(16);

        JsonNode past = account.api().get("/v1/credits/audit?as_of=" + afterFirstPurchase).json();
        assertThat(past.path("consistent").asBoolean()).as(past.toString()).isTrue();
        assertThat(past.path("balance").asLong()).isEqualTo(40);
        assertThat(past.path("events_replayed").asLong()).isEqualTo(2);
        assertThat(account.api().get("/v1/credits/audit?as_of=2020-01-01T00:00:00Z").json().path("balance").asLong()).isZero();
        assertThat(account.api().get("/v1/credits/audit?as_of=soon").status()).isEqualTo(400);
    }

    @Test
    void auditReportsATamperedReadModelAsInconsistent() {
        Account account = account();
        realisticMix(account);
        jdbc.update("update query.credit_balances set balance = balance + 1000 where account_id = ?", account.id());
        JsonNode audit = account.api().get("/v1/credits/audit").json();
        assertThat(audit.path("consistent").asBoolean()).isFalse();
        assertThat(audit.path("balance").asLong()).isEqualTo(750 - 32);
        assertThat(audit.path("read_model").path("balance").asLong()).isEqualTo(750 - 32 + 1000);
        assertThat(account.api().get("/v1/credits/balance").json().path("balance").asLong())
                .as("the audit reports, it does not repair").isEqualTo(750 - 32 + 1000);

        jdbc.update("update query.credit_ledger set reserved_after = 0 where account_id = ? and seq = "
                + "(select max(seq) from query.credit_ledger where account_id = ?)", account.id(), account.id());
        JsonNode asOfNow = account.api().get("/v1/credits/audit?as_of=" + Instant.now()).json();
        assertThat(asOfNow.path("consistent").asBoolean()).isFalse();
        assertThat(asOfNow.path("reserved").asLong()).isEqualTo(100);
        assertThat(asOfNow.path("read_model").path("reserved").asLong()).isZero();
    }

    @Test
    void operatorAdjustsCreditsWithAReason() {
        Account account = account();
        purchase(account, 100);
        ApiClient.Response adjusted = admin().post("/admin/accounts/" + account.id() + "/credits/adjust",
                Map.of("amount", -30, "reason", "goodwill reversal"));
        assertThat(adjusted.status()).as(adjusted.toString()).isEqualTo(201);
        assertThat(adjusted.json().path("type").asText()).isEqualTo("adjustment");
        assertThat(adjusted.json().path("balance_after").asLong()).isEqualTo(70);
        assertThat(adjusted.json().path("reason").asText()).isEqualTo("goodwill reversal");
        assertThat(admin().post("/admin/accounts/" + account.id() + "/credits/adjust",
                Map.of("amount", -71, "reason", "too much")).status()).isEqualTo(409);
        assertThat(admin().post("/admin/accounts/acct_nope/credits/adjust",
                Map.of("amount", 5, "reason", "x")).status()).isEqualTo(404);
        assertThat(admin().post("/admin/accounts/" + account.id() + "/credits/adjust", Map.of("amount", 5)).status())
                .isEqualTo(422);
        assertThat(account.api().post("/admin/accounts/" + account.id() + "/credits/adjust",
                Map.of("amount", 5, "reason", "self-service")).status()).isIn(401, 403);
        assertThat(account.api().get("/v1/credits/audit").json().path("consistent").asBoolean()).isTrue();
    }
}
