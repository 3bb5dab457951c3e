package io.outboundcalls.app.projections;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.config.TypeCachingEventHandlerInvoker;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.app.support.TestDatabase;
import io.outboundcalls.command.account.AccountRegistry;
import io.outboundcalls.command.dialer.DialerEffects;
import io.outboundcalls.events.agent.AgentCreatedEvent;
import io.outboundcalls.events.contact.ContactCreatedEvent;
import io.outboundcalls.query.agent.AgentProjection;
import io.outboundcalls.query.apikey.ApiKeyProjection;
import io.outboundcalls.query.call.CallProjection;
import io.outboundcalls.query.campaign.CampaignProjection;
import io.outboundcalls.query.contact.ContactProjection;
import io.outboundcalls.query.credits.CreditBalanceProjection;
import io.outboundcalls.query.credits.CreditLedgerProjection;
import io.outboundcalls.query.credits.CreditUsageProjection;
import io.outboundcalls.webhooks.outbox.WebhookOutbox;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProjectionAdminApiTest extends ApiTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    Rebuildability rebuildability;

    @Test
    void everyTrackingProcessorCachesWhichEventTypesItHandles() {
        List<TrackingEventProcessor> tracking = processing.eventProcessors().values().stream()
                .filter(TrackingEventProcessor.class::isInstance).map(TrackingEventProcessor.class::cast).toList();
        assertThat(tracking).extracting(TrackingEventProcessor::getName).contains(ContactProjection.PROCESSING_GROUP,
                WebhookOutbox.PROCESSING_GROUP, CallProjection.PROCESSING_GROUP);
        for (TrackingEventProcessor processor : tracking) {
            var invoker = (MultiEventHandlerInvoker) processor.eventHandlerInvoker();
            assertThat(invoker.delegates()).as(processor.getName()).isNotEmpty()
                    .allMatch(TypeCachingEventHandlerInvoker.class::isInstance);
        }
        var contacts = processing.eventProcessor(ContactProjection.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        assertThat(contacts.eventHandlerInvoker().canHandleType(ContactCreatedEvent.class)).isTrue();
        assertThat(contacts.eventHandlerInvoker().canHandleType(AgentCreatedEvent.class)).isFalse();
    }

    @Test
    void listsEveryProcessingGroupWithPositionLagAndState() {
        newAccount().post("/v1/agents", agent("Listed"));
        JsonNode list = admin().get("/admin/projections").json();
        assertThat(list.path("object").asText()).isEqualTo("list");

        JsonNode agents = byName(list, AgentProjection.PROCESSING_GROUP);
        assertThat(agents.path("object").asText()).isEqualTo("projection");
        assertThat(agents.path("type").asText()).isEqualTo("streaming");
        assertThat(agents.path("state").asText()).isIn("running", "caught_up");
        assertThat(agents.path("segments").asInt()).isEqualTo(1);
        // the groups under the dialer's load project on two segments
        assertThat(byName(list, CallProjection.PROCESSING_GROUP).path("segments").asInt()).isEqualTo(2);
        assertThat(byName(list, DialerEffects.PROCESSING_GROUP).path("segments").asInt()).isEqualTo(2);
        assertThat(agents.path("head").asLong()).isPositive();
        assertThat(agents.path("position").asLong() + agents.path("lag").asLong()).isEqualTo(agents.path("head").asLong());
        assertThat(agents.path("dead_letters").asLong()).isZero();
        assertThat(agents.path("rebuildable").asBoolean()).isTrue();

        JsonNode registry = byName(list, AccountRegistry.PROCESSING_GROUP);
        assertThat(registry.path("type").asText()).isEqualTo("subscribing");
        assertThat(registry.path("state").asText()).isEqualTo("running");
        assertThat(registry.path("rebuildable").asBoolean()).isFalse();

        await().atMost(Duration.ofSeconds(10)).until(() ->
                admin().get("/admin/projections/agents").json().path("state").asText().equals("caught_up"));
    }

    @Test
    void refusesUnknownAndSideEffectingGroups() {
        ApiClient.Response unknown = admin().post("/admin/projections/nope/rebuild", null);
        assertThat(unknown.status()).isEqualTo(404);
        ApiClient.Response subscribing = admin().post("/admin/projections/account-registry/rebuild", null);
        assertThat(subscribing.status()).isEqualTo(409);
        assertThat(subscribing.json().path("code").asText()).isEqualTo("projection_not_rebuildable");
        // groups with side effects: a replay would dial again or re-send every webhook
        for (String sideEffects : List.of(DialerEffects.PROCESSING_GROUP, WebhookOutbox.PROCESSING_GROUP)) {
            ApiClient.Response refused = admin().post("/admin/projections/" + sideEffects + "/rebuild", null);
            assertThat(refused.status()).as(sideEffects).isEqualTo(409);
            assertThat(refused.json().path("code").asText()).isEqualTo("projection_not_rebuildable");
            assertThat(refused.json().path("detail").asText()).contains("read model");
        }
        assertThat(anonymous().get("/admin/projections").status()).isEqualTo(401);
    }

    /** A group may be rebuilt, and gets a dead-letter queue, only because it declares itself a @ReadModel. */
    @Test
    void exactlyTheDeclaredReadModelsAreRebuildableAndDeadLettered() {
        Set<String> readModels = Set.of(AgentProjection.PROCESSING_GROUP, ApiKeyProjection.PROCESSING_GROUP,
                CallProjection.PROCESSING_GROUP, CampaignProjection.PROCESSING_GROUP, ContactProjection.PROCESSING_GROUP,
                CreditBalanceProjection.PROCESSING_GROUP, CreditLedgerProjection.PROCESSING_GROUP,
                CreditUsageProjection.PROCESSING_GROUP);
        assertThat(rebuildability.readModelGroups()).isEqualTo(readModels);

        JsonNode list = admin().get("/admin/projections").json();
        Set<String> rebuildable = new TreeSet<>();
        for (JsonNode p : list.path("data")) {
            String name = p.path("name").asText();
            boolean deadLettered = processing.deadLetterQueue(name).isPresent();
            if (p.path("rebuildable").asBoolean()) {
                rebuildable.add(name);
                assertThat(p.path("rebuild_refusal").isNull()).as(name).isTrue();
            } else {
                assertThat(p.path("rebuild_refusal").asText()).as(name).isNotEmpty();
            }
            assertThat(deadLettered).as(name + " has a dead-letter queue").isEqualTo(readModels.contains(name));
        }
        assertThat(rebuildable).isEqualTo(readModels);
        assertThat(byName(list, DialerEffects.PROCESSING_GROUP).path("rebuild_refusal").asText())
                .isEqualTo(Rebuildability.NOT_A_READ_MODEL);
        assertThat(byName(list, WebhookOutbox.PROCESSING_GROUP).path("rebuild_refusal").asText())
                .isEqualTo(Rebuildability.NOT_A_READ_MODEL);
        assertThat(byName(list, AccountRegistry.PROCESSING_GROUP).path("rebuild_refusal").asText())
                .isEqualTo(Rebuildability.SUBSCRIBING);
    }

    @Test
    void rebuildingEveryProjectionYieldsIdenticalReadModels() throws SQLException {
        scenario();
        List<String> groups = rebuildableGroups();
        // other tests' campaigns may still be calling: the same events must give the same read models, so a
        // round in which new events arrived proves nothing and is run again
        for (int round = 1; ; round++) {
            groups.forEach(this::awaitCaughtUp);
            long lastEvent = lastEventIndex();
            Map<String, String> before = checksums();

            for (String group : groups) {
                ApiClient.Response started = admin().post("/admin/projections/" + group + "/rebuild", null);
                assertThat(started.status()).as(started.toString()).isEqualTo(202);
                assertThat(started.json().path("name").asText()).isEqualTo(group);
            }
            groups.forEach(this::awaitCaughtUp);

            Map<String, String> after = checksums();
            if (lastEventIndex() == lastEvent || round == 5) {
                assertThat(lastEventIndex()).as("a round without new events").isEqualTo(lastEvent);
                assertThat(after).isEqualTo(before);
                assertThat(before).containsKeys("query.agents", "query.api_keys");
                return;
            }
        }
    }

    private static long lastEventIndex() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select coalesce(max(globalIndex), 0) from eventstore.domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void readsAndWritesKeepWorkingDuringARebuild() throws InterruptedException {
        ApiClient api = newAccount();
        for (int i = 0; i < 20; i++) {
            api.post("/v1/agents", agent("Before " + i));
        }
        List<String> failures = new CopyOnWriteArrayList<>();
        List<String> created = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread client = new Thread(() -> {
            int i = 0;
            while (running.get()) {
                ApiClient.Response write = api.post("/v1/agents", agent("During " + i++));
                if (write.status() != 201) {
                    failures.add(write.toString());
                } else {
                    created.add(write.json().path("id").asText());
                }
                ApiClient.Response read = api.get("/v1/agents?limit=100");
                if (read.status() != 200) {
                    failures.add(read.toString());
                }
            }
        });
        client.start();
        try {
            for (int round = 0; round < 2; round++) {
                assertThat(admin().post("/admin/projections/agents/rebuild", null).status()).isEqualTo(202);
                awaitCaughtUp(AgentProjection.PROCESSING_GROUP);
            }
        } finally {
            running.set(false);
            client.join(30_000);
        }
        assertThat(failures).isEmpty();
        assertThat(created).isNotEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/v1/agents/" + created.get(created.size() - 1)).status()).isEqualTo(200));
    }

    @Test
    void aPoisonedEventIsDeadLetteredAndRetriedAfterTheFix() throws SQLException {
        ApiClient api = newAccount();
        // the read model refuses one agent, as a projection bug or a bad migration would
        sql("alter table query.agents add constraint poisoned check (settings->>'name' <> 'Poison')");
        String id;
        try {
            id = api.post("/v1/agents", agent("Poison")).json().path("id").asText();
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    admin().get("/admin/projections/agents").json().path("dead_letters").asLong() == 1);
            // later events of the same agent queue up behind it, in order
            ApiClient.Response renamed = api.patch("/v1/agents/" + id, Map.of("prompt", "Still poisoned"));
            assertThat(renamed.status()).isIn(200, 404);
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    admin().get("/admin/projections/agents").json().path("dead_letters").asLong() == 2);
            // other agents are not held up
            String healthy = api.post("/v1/agents", agent("Healthy")).json().path("id").asText();
            assertThat(api.get("/v1/agents/" + healthy).status()).isEqualTo(200);
            assertThat(api.get("/v1/agents/" + id).status()).isEqualTo(404);

            JsonNode letters = admin().get("/admin/projections/agents/dead_letters").json();
            assertThat(letters.path("data")).hasSize(2);
            JsonNode first = letters.path("data").get(0);
            assertThat(first.path("object").asText()).isEqualTo("dead_letter");
            assertThat(first.path("sequence_identifier").asText()).isEqualTo(id);
            assertThat(first.path("sequence_index").asLong()).isLessThan(letters.path("data").get(1).path("sequence_index").asLong());
            assertThat(first.path("event_type").asText()).endsWith("AgentCreatedEvent");
            assertThat(first.path("cause_message").asText()).contains("poisoned");
            assertThat(first.path("enqueued_at").asText()).isNotEmpty();

            ApiClient.Response stillBroken = admin().post("/admin/projections/agents/dead_letters/retry", null);
            assertThat(stillBroken.json().path("succeeded").asInt()).isZero();
            assertThat(stillBroken.json().path("remaining_sequences").asLong()).isEqualTo(1);
        } finally {
            sql("alter table query.agents drop constraint if exists poisoned");
        }

        ApiClient.Response retried = admin().post("/admin/projections/agents/dead_letters/retry", null);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().path("succeeded").asInt()).isEqualTo(1);
        assertThat(retried.json().path("remaining_sequences").asLong()).isZero();
        JsonNode agent = api.get("/v1/agents/" + id).json();
        assertThat(agent.path("name").asText()).isEqualTo("Poison");
        assertThat(agent.path("prompt").asText()).isEqualTo("Still poisoned");
        assertThat(admin().get("/admin/projections/agents").json().path("dead_letters").asLong()).isZero();
    }

    // --- helpers -------------------------------------------------------------------------------

    private void scenario() {
        for (int a = 0; a < 3; a++) {
            ApiClient api = newAccount(a == 0 ? "standard" : "enterprise");
            List<String> agents = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                agents.add(api.post("/v1/agents", agent("Agent " + a + "." + i)).json().path("id").asText());
            }
            api.patch("/v1/agents/" + agents.get(0), Map.of("name", "Renamed", "metadata", Map.of("k", "v")));
            api.delete("/v1/agents/" + agents.get(1));
            String key = api.post("/v1/api_keys", Map.of("name", "second")).json().path("id").asText();
            api.post("/v1/api_keys", Map.of("name", "third"));
            api.delete("/v1/api_keys/" + key);
        }
    }

    private List<String> rebuildableGroups() {
        List<String> groups = new ArrayList<>();
        for (JsonNode p : admin().get("/admin/projections").json().path("data")) {
            if (p.path("rebuildable").asBoolean()) {
                groups.add(p.path("name").asText());
            }
        }
        assertThat(groups).contains(AgentProjection.PROCESSING_GROUP, ApiKeyProjection.PROCESSING_GROUP);
        return groups;
    }

    private void awaitCaughtUp(String group) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                admin().get("/admin/projections/" + group).json().path("state").asText().equals("caught_up"));
    }

    /** An md5 of every read-model table in the query schema, whatever projections exist. */
    private static Map<String, String> checksums() throws SQLException {
        Map<String, String> sums = new TreeMap<>();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(
                    "select table_name from information_schema.tables where table_schema = 'query' and table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add("query." + rs.getString(1));
                }
            }
            List<String> sequenced = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(
                    "select table_name from information_schema.columns where table_schema = 'query' and column_name = 'seq'")) {
                while (rs.next()) {
                    sequenced.add("query." + rs.getString(1));
                }
            }
            for (String table : tables) {
                // seq is the order the projection saw events in, drawn from a sequence: a rebuild draws new
                // numbers, so the rows are compared without it and their order by it is compared on its own
                try (ResultSet rs = s.executeQuery("select count(*) || ':' || coalesce(md5(string_agg((to_jsonb(t) - 'seq')::text, ','"
                        + " order by (to_jsonb(t) - 'seq')::text)), '') from " + table + " t")) {
                    rs.next();
                    sums.put(table, rs.getString(1));
                }
                if (sequenced.contains(table)) {
                    try (ResultSet rs = s.executeQuery("select coalesce(md5(string_agg((to_jsonb(t) - 'seq')::text, ',' order by seq)), '')"
                            + " from " + table + " t")) {
                        rs.next();
                        sums.put(table + " (order)", rs.getString(1));
                    }
                }
            }
        }
        return sums;
    }

    private static JsonNode byName(JsonNode list, String name) {
        for (JsonNode p : list.path("data")) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("No processing group " + name + " in " + list);
    }

    private static Map<String, Object> agent(String name) {
        return Map.of("name", name, "prompt", "You are calling about {{product}}.");
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static Connection connect() throws SQLException {
        TestDatabase.Connection db = TestDatabase.get();
        return DriverManager.getConnection(db.url(), db.username(), db.password());
    }
}
