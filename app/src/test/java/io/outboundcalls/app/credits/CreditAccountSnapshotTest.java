package io.outboundcalls.app.credits;

import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.command.credits.CreditAccount;
import io.outboundcalls.command.credits.CreditAccountIds;
import io.outboundcalls.command.credits.CreditPricing;
import io.outboundcalls.command.credits.ConfirmCreditPurchaseCommand;
import io.outboundcalls.command.credits.PurchaseNotPendingException;
import io.outboundcalls.command.credits.RequestCreditPurchaseCommand;
import io.outboundcalls.command.credits.ReserveCreditsCommand;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.events.credits.CreditsDebitedEvent;
import io.outboundcalls.events.credits.CreditsPurchasedEvent;
import io.outboundcalls.events.credits.CreditsReleasedEvent;
import io.outboundcalls.events.credits.CreditsReservedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Snapshots keep a long-lived credit account fast to load. The 100,000-event measurement runs on a
 * separate copy of the event tables (schema {@code credits_bench}), so the application's processors
 * never see those events; it uses the same JDBC storage engine, serializer and PostgreSQL.
 */
class CreditAccountSnapshotTest extends ApiTest {

    /** 20,000 keeps the suite quick; {@code -Dcredits.snapshot.events=100000} reproduces the documented figure. */
    private static final int EVENTS = Integer.getInteger("credits.snapshot.events", 20_000);
    private static final String PROVIDER = "test_provider";

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    Serializer serializer;
    @Autowired
    TransactionManager transactions;
    @Autowired
    PersistenceExceptionResolver persistenceExceptionResolver;
    @Autowired
    CreditPricing pricing;
    @Autowired
    @Qualifier("creditAccountCache")
    Cache accountCache;

    @Test
    void aBusyAccountIsSnapshottedAndStillWorksAfterwards() {
        String accountId = Ids.newId("acct");
        String creditAccountId = CreditAccountIds.of(accountId);
        String pending = Ids.newId("txn");
        commands.sendAndWait(new RequestCreditPurchaseCommand(creditAccountId, accountId, pending, 10, PROVIDER));
        for (int i = 0; i < 260; i++) {
            String transactionId = Ids.newId("txn");
            commands.sendAndWait(new RequestCreditPurchaseCommand(creditAccountId, accountId, transactionId, 2, PROVIDER));
            commands.sendAndWait(new ConfirmCreditPurchaseCommand(creditAccountId, accountId, transactionId, "ref"));
        }
        assertThat(jdbc.queryForObject("select count(*) from eventstore.snapshot_event_entry where aggregateIdentifier = ?",
                Long.class, creditAccountId)).isEqualTo(1);
        accountCache.removeAll(); // the next command loads the snapshot, not this node's copy in memory

        // the snapshot carries the purchase still pending in it, and the balance a reservation is checked against
        commands.sendAndWait(new ConfirmCreditPurchaseCommand(creditAccountId, accountId, pending, "ref"));
        assertThatThrownBy(() -> commands.sendAndWait(
                        new ConfirmCreditPurchaseCommand(creditAccountId, accountId, pending, "ref")))
                .isInstanceOf(PurchaseNotPendingException.class);
        commands.sendAndWait(new ReserveCreditsCommand(creditAccountId, accountId, "r1", 530, "camp", "call"));
        assertThatThrownBy(() -> commands.sendAndWait(
                        new ReserveCreditsCommand(creditAccountId, accountId, "r2", 1, "camp", "call")))
                .hasMessageContaining("0 available");
    }

    @Test
    void loadingALongHistoryIsFastWithASnapshot() {
        createBenchTables();
        try {
            EventSchema schema = EventSchema.builder().eventTable("credits_bench.domain_event_entry")
                    .snapshotTable("credits_bench.snapshot_event_entry").build();
            JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                    .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                    .transactionManager(transactions)
                    .schema(schema)
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer)
                    .persistenceExceptionResolver(persistenceExceptionResolver)
                    .build();
            EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
            String creditAccountId = CreditAccountIds.of("acct_bench");
            appendHistory(engine, creditAccountId);
            // the aggregate's handlers take the pricing, a Spring bean, as the application's repository provides it
            EventSourcingRepository<CreditAccount> repository = EventSourcingRepository.builder(CreditAccount.class)
                    .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                            ClasspathParameterResolverFactory.forClass(CreditAccount.class),
                            new SimpleResourceParameterResolverFactory(List.of(pricing))))
                    .eventStore(store).build();

            load(repository, creditAccountId); // warm-up: class loading and JIT, not part of either figure
            long withoutSnapshot = load(repository, creditAccountId);

            AggregateSnapshotter snapshotter = AggregateSnapshotter.builder().eventStore(store)
                    .transactionManager(transactions)
                    .aggregateFactories(new GenericAggregateFactory<>(CreditAccount.class)).build();
            snapshotter.scheduleSnapshot(CreditAccount.class, creditAccountId);
            load(repository, creditAccountId);
            long withSnapshot = load(repository, creditAccountId);

            System.out.printf("CreditAccount with %,d events: load without snapshot %d ms, with snapshot %d ms%n",
                    EVENTS, withoutSnapshot / 1_000_000, withSnapshot / 1_000_000);
            assertThat(withSnapshot).isLessThan(withoutSnapshot / 10);
        } finally {
            jdbc.execute("drop schema credits_bench cascade");
        }
    }

    /** One purchase, then calls: reservation, settlement, release. */
    private void appendHistory(JdbcEventStorageEngine engine, String creditAccountId) {
        String accountId = "acct_bench";
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        long balance = 10_000_000;
        batch.add(event(creditAccountId, 0, new CreditsPurchasedEvent(creditAccountId, accountId, "txn_0", balance, balance,
                PROVIDER, "ref_0")));
        for (long seq = 1; seq < EVENTS; seq++) {
            long call = seq / 3;
            String reservationId = "res_" + call;
            Object payload = switch ((int) (seq % 3)) {
                case 1 -> new CreditsReservedEvent(creditAccountId, accountId, reservationId, 100, "camp_1", "call_" + call,
                        balance, 100);
                case 2 -> new CreditsDebitedEvent(creditAccountId, accountId, reservationId, "call_" + call, "camp_1",
                        "agent_1", 60, 10, balance -= 10, 90);
                default -> new CreditsReleasedEvent(creditAccountId, accountId, "res_" + (call - 1), 90, balance, 0);
            };
            batch.add(event(creditAccountId, seq, payload));
            if (batch.size() == 2_000) {
                List<DomainEventMessage<?>> toAppend = List.copyOf(batch);
                transactions.executeInTransaction(() -> engine.appendEvents(toAppend));
                batch.clear();
            }
        }
        List<DomainEventMessage<?>> rest = List.copyOf(batch);
        transactions.executeInTransaction(() -> engine.appendEvents(rest));
    }

    private static DomainEventMessage<?> event(String aggregateId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("CreditAccount", aggregateId, sequence, payload);
    }

    /** @return nanoseconds to load the aggregate, as a command handler would */
    private long load(EventSourcingRepository<CreditAccount> repository, String creditAccountId) {
        long start = System.nanoTime();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            assertThat(repository.load(creditAccountId).version()).isEqualTo(EVENTS - 1L);
        } finally {
            unitOfWork.rollback();
        }
        return System.nanoTime() - start;
    }

    private void createBenchTables() {
        jdbc.execute("drop schema if exists credits_bench cascade");
        jdbc.execute("create schema credits_bench");
        jdbc.execute("""
                create table credits_bench.domain_event_entry (
                    globalIndex bigserial primary key, aggregateIdentifier varchar(255) not null,
                    sequenceNumber bigint not null, type varchar(255), eventIdentifier varchar(255) not null unique,
                    metaData bytea, payload bytea not null, payloadRevision varchar(255),
                    payloadType varchar(255) not null, timeStamp varchar(255) not null,
                    unique (aggregateIdentifier, sequenceNumber))""");
        jdbc.execute("create table credits_bench.snapshot_event_entry (like eventstore.snapshot_event_entry including all)");
    }
}
