package io.outboundcalls.app.credits;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.app.support.ScriptedPayments;
import io.outboundcalls.app.web.ReadYourWrites;
import io.outboundcalls.command.credits.CreditAccountIds;
import io.outboundcalls.command.credits.CreditPurchase;
import io.outboundcalls.command.credits.RecordOnlyPaymentProvider;
import io.outboundcalls.command.credits.RequestCreditPurchaseCommand;
import io.outboundcalls.command.credits.ReserveCreditsCommand;
import io.outboundcalls.events.credits.CreditsPurchasedEvent;
import io.outboundcalls.query.credits.CreditLedgerProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Purchases through the payment provider: named and referenced in the ledger, charged only once the
 * account has accepted them, and charged once however often a request is retried.
 */
class CreditPurchasesApiTest extends ApiTest {

    @Autowired
    ScriptedPayments payments;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    ReadYourWrites readYourWrites;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    record Account(String id, ApiClient api) {
    }

    private Account account() {
        ApiClient.Response created = admin().post("/admin/accounts", Map.of("name", "Purchases", "tier", "enterprise"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Account(created.json().path("id").asText(),
                new ApiClient(baseUrl(), created.json().path("api_key").path("secret").asText()));
    }

    private static ApiClient.Response buy(Account account, long amount, String idempotencyKey) {
        return account.api().post("/v1/credits/purchase", Map.of("amount", amount), Map.of("Idempotency-Key", idempotencyKey));
    }

    private static long balance(Account account) {
        return account.api().get("/v1/credits/balance").json().path("balance").asLong();
    }

    private static JsonNode ledger(Account account) {
        return account.api().get("/v1/credits/transactions?limit=100").json().path("data");
    }

    private long eventsOf(Account account, String type) {
        return jdbc.queryForObject("select count(*) from eventstore.domain_event_entry where aggregateIdentifier = ? "
                + "and payloadType = ?", Long.class, CreditAccountIds.of(account.id()), type);
    }

    @Test
    void aRecordOnlyPurchaseNamesItsProviderAndKeepsItsReference() {
        Account account = account();
        ApiClient.Response bought = account.api().post("/v1/credits/purchase", Map.of("amount", 400));
        assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
        String id = bought.json().path("id").asText();
        assertThat(bought.json().path("provider").asText()).isEqualTo("record_only");
        assertThat(bought.json().path("payment_reference").asText()).isEqualTo("record_only:" + id);
        assertThat(payments.charges(account.id())).isEqualTo(1);

        commands.sendAndWait(new ReserveCreditsCommand(CreditAccountIds.of(account.id()), account.id(), "r1", 40,
                "camp_1", "call_1"));
        assertThat(readYourWrites.await(CreditLedgerProjection.PROCESSING_GROUP, CreditAccountIds.of(account.id()))).isTrue();
        JsonNode rows = ledger(account);
        assertThat(rows).hasSize(2);
        JsonNode reservation = rows.get(0);
        assertThat(reservation.has("provider")).as("shown, as null, on what no provider paid").isTrue();
        assertThat(reservation.path("provider").isNull()).isTrue();
        assertThat(reservation.path("payment_reference").isNull()).isTrue();
        JsonNode purchase = rows.get(1);
        assertThat(purchase.path("id").asText()).isEqualTo(id);
        assertThat(purchase.path("provider").asText()).isEqualTo("record_only");
        assertThat(purchase.path("payment_reference").asText()).isEqualTo("record_only:" + id);
    }

    @Test
    void aDeclinedPaymentAddsNothingAndAnswers402() {
        Account account = account();
        payments.decline(account.id(), "card expired");
        ApiClient.Response declined = buy(account, 300, "declined-1");
        assertThat(declined.status()).as(declined.toString()).isEqualTo(402);
        assertThat(declined.json().path("code").asText()).isEqualTo("payment_declined");
        assertThat(declined.json().path("detail").asText()).contains("card expired");

        assertThat(balance(account)).isZero();
        assertThat(ledger(account)).isEmpty();
        assertThat(eventsOf(account, "io.outboundcalls.events.credits.CreditPurchaseDeclinedEvent")).isEqualTo(1);
        assertThat(eventsOf(account, "io.outboundcalls.events.credits.CreditsPurchasedEvent")).isZero();
        assertThat(account.api().get("/v1/credits/audit").json().path("consistent").asBoolean()).isTrue();
    }

    @Test
    void anInvalidBodyNeverReachesTheProvider() {
        Account account = account();
        assertThat(account.api().post("/v1/credits/purchase", Map.of("amount", 0)).status()).isEqualTo(422);
        assertThat(account.api().post("/v1/credits/purchase", "{\"amount\":").status()).isEqualTo(400);
        assertThat(payments.calls(account.id())).isZero();
        assertThat(eventsOf(account, "io.outboundcalls.events.credits.CreditPurchaseRequestedEvent")).isZero();
    }

    /**
     * The first request was accepted and charged, then its node died before the purchase was confirmed:
     * no answer was stored for its Idempotency-Key. The client's retry with that key resumes the same
     * purchase: the provider is asked again with the same transaction id and does not charge again.
     */
    @Test
    void aRetryAfterACrashBetweenChargeAndConfirmChargesOnce() {
        Account account = account();
        String transactionId = CreditsController.purchaseId(account.id(), "order-4711");
        CreditPurchase accepted = commands.sendAndWait(new RequestCreditPurchaseCommand(
                CreditAccountIds.of(account.id()), account.id(), transactionId, 250, RecordOnlyPaymentProvider.NAME));
        assertThat(accepted.awaitsPayment()).isTrue();
        assertThat(payments.pay(account.id(), transactionId, 250).paid()).isTrue();
        assertThat(balance(account)).as("charged, not yet credited").isZero();

        ApiClient.Response retried = buy(account, 250, "order-4711");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.json().path("id").asText()).isEqualTo(transactionId);
        assertThat(payments.calls(account.id())).isEqualTo(2);
        assertThat(payments.charges(account.id())).isEqualTo(1);

        ApiClient.Response again = buy(account, 250, "order-4711");
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(payments.calls(account.id())).isEqualTo(2);
        assertThat(balance(account)).isEqualTo(250);
        assertThat(ledger(account)).hasSize(1);
        assertThat(account.api().get("/v1/credits/audit").json().path("consistent").asBoolean()).isTrue();
    }

    @Test
    void aProviderFailureWithoutAnIdempotencyKeyDoesNotInviteARetry() {
        Account account = account();
        payments.failOnceAfterCharging(account.id());
        ApiClient.Response failed = account.api().post("/v1/credits/purchase", Map.of("amount", 120));
        assertThat(failed.status()).as(failed.toString()).isEqualTo(503);
        assertThat(failed.json().path("code").asText()).isEqualTo("payment_provider_unavailable");
        assertThat(failed.json().path("detail").asText()).contains("ask an operator");
        assertThat(failed.header("Retry-After")).as("buying again could charge twice").isNull();
    }

    @Test
    void aProviderFailureAfterTheChargeIsRetriedWithoutASecondCharge() {
        Account account = account();
        payments.failOnceAfterCharging(account.id());
        ApiClient.Response failed = buy(account, 120, "order-lost-answer");
        assertThat(failed.status()).as(failed.toString()).isEqualTo(503);
        assertThat(failed.json().path("code").asText()).isEqualTo("payment_provider_unavailable");
        assertThat(failed.header("Retry-After")).as("a retry with the same key resumes the purchase").isEqualTo("5");
        assertThat(failed.rawBody()).doesNotContain("simulated").doesNotContain("Exception");
        assertThat(balance(account)).isZero();

        ApiClient.Response retried = buy(account, 120, "order-lost-answer");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(payments.charges(account.id())).isEqualTo(1);
        assertThat(balance(account)).isEqualTo(120);
        assertThat(ledger(account)).hasSize(1);
    }

    /** The provider is asked only once the account has accepted the purchase. */
    @Test
    void aPurchaseTheAccountRefusesIsNeverCharged() {
        Account account = account();
        // the key's purchase exists for 100 credits (its stored answer is gone); the same key now asks for 200
        commands.sendAndWait(new RequestCreditPurchaseCommand(CreditAccountIds.of(account.id()), account.id(),
                CreditsController.purchaseId(account.id(), "reused-later"), 100, RecordOnlyPaymentProvider.NAME));
        ApiClient.Response refused = buy(account, 200, "reused-later");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("purchase_mismatch");
        assertThat(payments.calls(account.id())).isZero();
        assertThat(balance(account)).isZero();
    }

    @Test
    void theSameKeyOnAnotherAccountIsAnotherPurchase() {
        Account first = account();
        Account second = account();
        assertThat(buy(first, 10, "shared-key").status()).isEqualTo(201);
        assertThat(buy(second, 10, "shared-key").status()).isEqualTo(201);
        assertThat(payments.charges(first.id())).isEqualTo(1);
        assertThat(payments.charges(second.id())).isEqualTo(1);
        assertThat(balance(second)).isEqualTo(10);
    }

    /** Stored JSON of a purchase from before providers were recorded: it loads, and shows as record-only. */
    @Test
    void aPurchaseStoredBeforeProvidersWereRecordedStillLoads() {
        Account account = account();
        String creditAccountId = CreditAccountIds.of(account.id());
        String stored = """
                {"creditAccountId":"%s","accountId":"%s","transactionId":"txn_01JQ0000000000000000000000",
                 "amount":70,"balanceAfter":70}""".formatted(creditAccountId, account.id());
        CreditsPurchasedEvent old = serializer.deserialize(new SimpleSerializedObject<>(
                stored.getBytes(StandardCharsets.UTF_8), byte[].class, CreditsPurchasedEvent.class.getName(), "1"));
        assertThat(old.provider()).isNull();
        assertThat(old.paymentReference()).isNull();
        eventStore.publish(new GenericDomainEventMessage<>("CreditAccount", creditAccountId, 0, old));

        assertThat(account.api().post("/v1/credits/purchase", Map.of("amount", 30)).status()).isEqualTo(201);
        JsonNode rows = ledger(account);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).path("balance_after").asLong()).isEqualTo(100);
        assertThat(rows.get(1).path("provider").asText()).isEqualTo("record_only");
        assertThat(rows.get(1).path("payment_reference").isNull()).isTrue();
        assertThat(account.api().get("/v1/credits/audit").json().path("consistent").asBoolean()).isTrue();
        assertThat(balance(account)).isEqualTo(100);
    }
}
