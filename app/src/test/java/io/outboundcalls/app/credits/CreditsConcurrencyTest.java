package io.outboundcalls.app.credits;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.command.credits.CreditAccountIds;
import io.outboundcalls.command.credits.InsufficientCreditsException;
import io.outboundcalls.command.credits.ConfirmCreditPurchaseCommand;
import io.outboundcalls.command.credits.RecordOnlyPaymentProvider;
import io.outboundcalls.command.credits.RequestCreditPurchaseCommand;
import io.outboundcalls.command.credits.ReserveCreditsCommand;
import io.outboundcalls.events.credits.CreditsReservedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@code available} never goes below zero, however many reservations race for the same credits. */
class CreditsConcurrencyTest extends ApiTest {

    private static final int THREADS = 16;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    private record Account(String id, ApiClient api) {
    }

    private Account account() {
        ApiClient.Response created = admin().post("/admin/accounts", Map.of("name", "Race", "tier", "enterprise"));
        assertThat(created.status()).isEqualTo(201);
        return new Account(created.json().path("id").asText(),
                new ApiClient(baseUrl(), created.json().path("api_key").path("secret").asText()));
    }

    /** Fires all commands at once from {@value #THREADS} threads; returns what each one ended with. */
    private List<Object> race(int count, IntFunction<Object> command) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Object message = command.apply(i);
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        commands.sendAndWait(message);
                        return "ok";
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> result : results) {
                outcomes.add(result.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelReservationsNeverOverspend() throws Exception {
        Account account = account();
        assertThat(account.api().post("/v1/credits/purchase", Map.of("amount", 100)).status()).isEqualTo(201);
        String creditAccountId = CreditAccountIds.of(account.id());

        List<Object> outcomes = race(60, i -> new ReserveCreditsCommand(creditAccountId, account.id(), "res_" + i, 7,
                "camp_race", "call_" + i));

        long succeeded = outcomes.stream().filter("ok"::equals).count();
        assertThat(outcomes).filteredOn(o -> !"ok".equals(o)).allSatisfy(o ->
                assertThat(o).isInstanceOf(InsufficientCreditsException.class));
        assertThat(succeeded).as("100 credits cover exactly 14 holds of 7").isEqualTo(14);

        // the balance read model is eventually consistent: wait for the projection, never for a fixed time
        await().atMost(Duration.ofSeconds(20)).until(() ->
                account.api().get("/v1/credits/balance").json().path("reserved").asLong() == 98);
        JsonNode balance = account.api().get("/v1/credits/balance").json();
        assertThat(balance.path("balance").asLong()).isEqualTo(100);
        assertThat(balance.path("available").asLong()).isEqualTo(2);
        assertThat(account.api().get("/v1/credits/audit").json().path("consistent").asBoolean()).isTrue();
    }

    @Test
    void parallelFirstCommandsAllLandOnOneNewAccount() throws Exception {
        Account account = account();
        String creditAccountId = CreditAccountIds.of(account.id());

        List<String> transactions = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            transactions.add(Ids.newId("txn"));
        }
        List<Object> requests = race(30, i -> new RequestCreditPurchaseCommand(creditAccountId, account.id(),
                transactions.get(i), 10, RecordOnlyPaymentProvider.NAME));
        List<Object> confirmations = race(30, i -> new ConfirmCreditPurchaseCommand(creditAccountId, account.id(),
                transactions.get(i), "ref_" + i));

        assertThat(requests).containsOnly("ok");
        assertThat(confirmations).containsOnly("ok");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                account.api().get("/v1/credits/balance").json().path("balance").asLong() == 300);
        // the transactions list is another projection, with its own lag
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(account.api().get("/v1/credits/transactions?limit=100").json().path("data")).hasSize(30));
    }

    /**
     * The account is cached in memory between commands. Another node spending the credits meanwhile
     * (its event appended straight to the store here) leaves this node's copy stale: a reservation
     * against the stale copy must not be stored; the event store refuses it as a lost race, which
     * the command gateway retries on the reloaded account, so the caller gets the real answer.
     */
    @Test
    void aStaleCachedAccountCannotSpendCreditsAnotherNodeSpent() {
        Account account = account();
        String creditAccountId = cachedAccountWith90Available(account);

        Long last = jdbc.queryForObject("select max(sequenceNumber) from eventstore.domain_event_entry where aggregateIdentifier = ?",
                Long.class, creditAccountId);
        eventStore.publish(new GenericDomainEventMessage<>("CreditAccount", creditAccountId, last + 1,
                new CreditsReservedEvent(creditAccountId, account.id(), "res_elsewhere", 90, "camp_cache", "call_elsewhere", 100, 100)));

        Object stale = attempt(new ReserveCreditsCommand(creditAccountId, account.id(), "res_stale", 50, "camp_cache", "call_stale"));

        assertThat(stale).as("retried on the reloaded account, where 50 credits are not available")
                .isInstanceOf(InsufficientCreditsException.class);
        assertThat(jdbc.queryForObject("""
                select count(*) from eventstore.domain_event_entry
                where aggregateIdentifier = ? and payloadType like '%CreditsReservedEvent'""", Integer.class, creditAccountId))
                .as("only the two reservations that were covered").isEqualTo(2);
    }

    @Test
    void aDuplicateAppendIsALostRaceNotAStoreFailure() {
        Account account = account();
        String creditAccountId = cachedAccountWith90Available(account);

        // PostgreSQL's unique_violation on (aggregate, sequence), which the command gateway retries
        assertThatThrownBy(() -> eventStore.publish(reserved(creditAccountId, account.id(), 1)))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> eventStore.publish(reserved(creditAccountId, account.id(), 0)))
                .as("two nodes creating the same aggregate").isInstanceOf(AggregateStreamCreationException.class);
    }

    /** Buys 100 credits and reserves 10 through this node's gateway, which now holds the account in its cache. */
    private String cachedAccountWith90Available(Account account) {
        assertThat(account.api().post("/v1/credits/purchase", Map.of("amount", 100)).status()).isEqualTo(201);
        String creditAccountId = CreditAccountIds.of(account.id());
        commands.sendAndWait(new ReserveCreditsCommand(creditAccountId, account.id(), "res_here", 10, "camp_cache", "call_here"));
        return creditAccountId;
    }

    private static GenericDomainEventMessage<CreditsReservedEvent> reserved(String creditAccountId, String accountId, long sequence) {
        return new GenericDomainEventMessage<>("CreditAccount", creditAccountId, sequence,
                new CreditsReservedEvent(creditAccountId, accountId, "res_dup", 10, "camp_dup", "call_dup", 100, 90));
    }

    private Object attempt(Object command) {
        try {
            commands.sendAndWait(command);
            return "ok";
        } catch (RuntimeException e) {
            return e;
        }
    }
}
