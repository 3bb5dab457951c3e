package io.outboundcalls.app.campaigns;

import static io.outboundcalls.app.campaigns.CampaignFixtures.agent;
import static io.outboundcalls.app.campaigns.CampaignFixtures.buyCredits;
import static io.outboundcalls.app.campaigns.CampaignFixtures.callEvents;
import static io.outboundcalls.app.campaigns.CampaignFixtures.campaignBody;
import static io.outboundcalls.app.campaigns.CampaignFixtures.create;
import static io.outboundcalls.app.campaigns.CampaignFixtures.list;
import static io.outboundcalls.app.campaigns.CampaignFixtures.maxInFlight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.events.contact.ContactCreatedEvent;
import io.outboundcalls.events.contact.ContactDetails;
import io.outboundcalls.events.contact.ResolvedTimezone;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dialer benchmark (run with {@code -Dbenchmark=true}): 10,000 contacts, 200 calls at a
 * time, the simulator 1,000 times faster than real time. Contacts are fed to the dialer as
 * contact events (the contacts module's own throughput is measured by its own benchmark).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class DialerBenchmarkTest extends ApiTest {

    /** {@code -Dbenchmark.contacts=N} runs a smaller benchmark while iterating. */
    private static final int CONTACTS = Integer.getInteger("benchmark.contacts", 10_000);
    private static final int CONCURRENT = 200;

    @Autowired
    private EventGateway events;

    @Test
    void tenThousandContactsAtTwoHundredConcurrentCalls() {
        ApiClient.Response created = admin().post("/admin/accounts",
                Map.of("name", "Benchmark", "tier", "enterprise", "legal_calling_window", WHOLE_DAY));
        String account = created.json().path("id").asText();
        ApiClient api = new ApiClient(baseUrl(), created.json().path("api_key").path("secret").asText());
        buyCredits(api, 1_000_000);
        String agentId = agent(api, 60);
        String listId = list(api);
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            String contactId = Ids.newId("contact");
            String phone = "+44207" + String.format("%07d", i);
            batch.add(new ContactCreatedEvent(contactId, account, new ContactDetails(phone, phone, "Bench" + i, null, null,
                    Map.of()), new ResolvedTimezone("Europe/London", List.of("Europe/London"), ResolvedTimezone.EXPLICIT), false,
                    List.of(listId)));
            if (batch.size() >= 1_000) {
                events.publish(batch);
                batch.clear();
            }
        }
        events.publish(batch);

        String id = create(api, campaignBody(agentId, listId, "00:00", "23:59", CONCURRENT, 1, 1)).path("id").asText();
        long started = System.nanoTime();
        api.post("/v1/campaigns/" + id + "/start", null);
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(api.get("/v1/campaigns/" + id).json().path("status").asText()).isEqualTo("completed"));
        double wall = (System.nanoTime() - started) / 1e9;

        var all = callEvents(id);
        long placed = all.stream().filter(e -> e.type().equals("CallPlacedEvent")).count();
        Instant first = Instant.parse((String) all.get(0).payload().get("queuedAt"));
        Instant last = all.stream().filter(e -> e.payload().get("endedAt") != null)
                .map(e -> Instant.parse((String) e.payload().get("endedAt"))).max(Instant::compareTo).orElseThrow();
        int max = maxInFlight(all);
        System.out.printf("BENCHMARK dialer: %d calls in %.1f s wall (%.1f calls/s); first placed to last ended %.1f s "
                        + "(%.1f calls/s); max in flight %d (cap %d)%n",
                placed, wall, placed / wall, Duration.between(first, last).toMillis() / 1000.0,
                placed / (Duration.between(first, last).toMillis() / 1000.0), max, CONCURRENT);
        assertThat(placed).isEqualTo(CONTACTS);
        assertThat(max).isLessThanOrEqualTo(CONCURRENT);
    }
}
