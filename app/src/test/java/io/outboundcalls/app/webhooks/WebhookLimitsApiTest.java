package io.outboundcalls.app.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.sun.net.httpserver.HttpServer;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.events.contact.ContactStatus;
import io.outboundcalls.events.contact.ContactStatusChangedEvent;
import io.outboundcalls.webhooks.WebhookProperties;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What keeps one account's endpoints from costing the others: the endpoint cap, host rules, bounded errors, fair sending. */
class WebhookLimitsApiTest extends ApiTest {

    private static WireMockServer receiver;

    @Autowired
    private EventGateway events;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private WebhookProperties properties;

    @BeforeAll
    static void startReceiver() {
        receiver = new WireMockServer(options().dynamicPort());
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    private String hook() {
        String path = "/hook/" + UUID.randomUUID();
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        return "http://localhost:" + receiver.port() + path;
    }

    private static ApiClient.Response register(ApiClient api, String url) {
        return api.post("/v1/webhook_endpoints", Map.of("url", url, "enabled_events", List.of("contact.updated")));
    }

    private String accountOf(String endpointId) {
        return jdbc.queryForObject("select account_id from webhooks.endpoints where id = ?", String.class, endpointId);
    }

    private void contactChanged(String accountId) {
        events.publish(new ContactStatusChangedEvent("contact_" + UUID.randomUUID(), accountId, ContactStatus.REACHED,
                "camp_1", "call_1"));
    }

    @Test
    void anAccountHasAtMostSixteenEndpoints() {
        ApiClient api = newAccount();
        for (int i = 0; i < 16; i++) {
            ApiClient.Response created = register(api, hook());
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        ApiClient.Response seventeenth = register(api, hook());
        assertThat(seventeenth.status()).isEqualTo(422);
        assertThat(seventeenth.json().path("code").asText()).isEqualTo("too_many_endpoints");
        assertThat(seventeenth.header("Content-Type")).startsWith("application/problem+json");

        // deleting one makes room for one
        String first = api.get("/v1/webhook_endpoints?limit=1").json().path("data").get(0).path("id").asText();
        assertThat(api.delete("/v1/webhook_endpoints/" + first).status()).isEqualTo(200);
        assertThat(register(api, hook()).status()).isEqualTo(201);
        assertThat(register(newAccount(), hook()).status()).as("the cap is per account").isEqualTo(201);
    }

    @Test
    void concurrentRegistrationsNeverPassTheCap() throws Exception {
        ApiClient api = newAccount();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                statuses.add(pool.submit(() -> register(api, hook()).status()));
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get(60, TimeUnit.SECONDS));
            }
            assertThat(answers).containsOnly(201, 422);
            assertThat(answers.stream().filter(s -> s == 201)).hasSize(16);
        } finally {
            pool.shutdownNow();
        }
        assertThat(api.get("/v1/webhook_endpoints?limit=100").json().path("data")).hasSize(16);
    }

    @Test
    void refusesNumericHostsNotInCanonicalForm() {
        ApiClient api = newAccount();
        for (String host : List.of("0x7f000001", "2130706433", "0177.0.0.1", "127.0.0.01", "0x7f.1")) {
            ApiClient.Response refused = register(api, "http://" + host + ":" + receiver.port() + "/h");
            assertThat(refused.status()).as(host).isEqualTo(422);
            assertThat(refused.json().path("code").asText()).as(host).isEqualTo("invalid_url");
            assertThat(refused.json().path("param").asText()).isEqualTo("url");
        }
        // the development setting (on in tests) still lets local receivers in
        assertThat(register(api, "http://127.0.0.1:" + receiver.port() + "/h").status()).isEqualTo(201);
        assertThat(register(api, "http://localhost:" + receiver.port() + "/h").status()).isEqualTo(201);
        assertThat(api.patch("/v1/webhook_endpoints/" + api.get("/v1/webhook_endpoints?limit=1").json()
                .path("data").get(0).path("id").asText(), Map.of("url", "http://0x7f000001/h")).status()).isEqualTo(422);
    }

    @Test
    void aFailureWithAnErrorLongerThanTheColumnStillEndsAsFailed() {
        ApiClient api = newAccount();
        // a host name of 1,200 characters: the resolver's error message repeats it
        String host = ("a".repeat(60) + ".").repeat(20) + "invalid";
        ApiClient.Response created = register(api, "http://" + host + "/hook");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String endpointId = created.json().path("id").asText();
        contactChanged(accountOf(endpointId));

        // the test schedule retries 7 times at 200 ms
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/v1/webhook_endpoints/" + endpointId + "/deliveries")
                .json().path("data").path(0).path("status").asText().equals("failed"));
        JsonNode delivery = api.get("/v1/webhook_endpoints/" + endpointId + "/deliveries").json().path("data").get(0);
        assertThat(delivery.path("attempts").asInt()).isEqualTo(8);
        assertThat(delivery.path("last_error").asText()).startsWith("could not resolve").hasSizeLessThanOrEqualTo(500);
    }

    @Test
    void aHangingReceiverOfOneAccountDoesNotDelayAnotherAccountsDeliveries() throws Exception {
        int cap = properties.maxInFlightPerAccount();
        assertThat(cap).isLessThan(properties.senderThreads());
        AtomicInteger hanging = new AtomicInteger();
        AtomicInteger mostHangingAtOnce = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        ExecutorService handlers = Executors.newCachedThreadPool();
        slow.setExecutor(handlers);
        slow.createContext("/hook", exchange -> {
            mostHangingAtOnce.accumulateAndGet(hanging.incrementAndGet(), Math::max);
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            hanging.decrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        slow.start();
        ApiClient a = newAccount();
        ApiClient b = newAccount();
        String aEndpoint = register(a, "http://127.0.0.1:" + slow.getAddress().getPort() + "/hook").json().path("id").asText();
        String bUrl = hook();
        String bEndpoint = register(b, bUrl).json().path("id").asText();
        String bPath = bUrl.substring(bUrl.indexOf("/hook"));
        try {
            String aAccount = accountOf(aEndpoint);
            for (int i = 0; i < 3 * properties.senderThreads(); i++) {
                contactChanged(aAccount);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> hanging.get() >= cap);

            String bAccount = accountOf(bEndpoint);
            for (int i = 0; i < 3; i++) {
                contactChanged(bAccount);
            }
            await().atMost(Duration.ofSeconds(3))
                    .until(() -> receiver.findAll(postRequestedFor(urlEqualTo(bPath))).size() == 3);
            assertThat(mostHangingAtOnce.get()).as("A's attempts in flight at once").isEqualTo(cap);
            assertThat(jdbc.queryForObject("select count(*) from webhooks.deliveries where endpoint_id = ? "
                    + "and status = 'succeeded'", Integer.class, aEndpoint)).isZero();
        } finally {
            a.delete("/v1/webhook_endpoints/" + aEndpoint); // no more attempts for A once the hanging ones end
            release.countDown();
            slow.stop(1);
            handlers.shutdownNow();
        }
    }
}
