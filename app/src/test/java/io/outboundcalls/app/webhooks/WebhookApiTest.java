package io.outboundcalls.app.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;
import io.outboundcalls.app.config.TypeCachingEventHandlerInvoker;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.webhooks.crypto.SecretCipher;
import io.outboundcalls.webhooks.endpoint.WebhookEndpoints;
import io.outboundcalls.events.contact.ContactCreatedEvent;
import io.outboundcalls.events.contact.ContactOptedOutEvent;
import io.outboundcalls.events.contact.ContactStatus;
import io.outboundcalls.events.contact.ContactStatusChangedEvent;
import io.outboundcalls.webhooks.outbox.WebhookOutbox;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

class WebhookApiTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer receiver;

    @Autowired
    private EventGateway events;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private ApplicationContext context;

    @BeforeAll
    static void startReceiver() {
        receiver = new WireMockServer(options().dynamicPort());
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    /** A fresh path on the receiver, answering {@code status}, so tests never see each other's requests. */
    private String hook(int status) {
        String path = "/hook/" + UUID.randomUUID();
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(status).withBody("ok")));
        return path;
    }

    private String url(String path) {
        return "http://localhost:" + receiver.port() + path;
    }

    private JsonNode createEndpoint(ApiClient api, String path, List<String> types) {
        ApiClient.Response created = api.post("/v1/webhook_endpoints", Map.of("url", url(path), "enabled_events", types));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private String accountOf(JsonNode endpoint) {
        return jdbc.queryForObject("select account_id from webhooks.endpoints where id = ?", String.class,
                endpoint.path("id").asText());
    }

    private String contactChanged(String accountId, ContactStatus status) {
        String contactId = "contact_" + UUID.randomUUID();
        events.publish(new ContactStatusChangedEvent(contactId, accountId, status, "camp_1", "call_1"));
        return contactId;
    }

    private List<LoggedRequest> received(String path) {
        return receiver.findAll(postRequestedFor(urlEqualTo(path)));
    }

    private static Map<String, List<String>> headers(LoggedRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
            headers.put(name, List.of(request.getHeader(name)));
        }
        return headers;
    }

    private JsonNode deliveries(ApiClient api, String endpointId) {
        ApiClient.Response response = api.get("/v1/webhook_endpoints/" + endpointId + "/deliveries");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("data");
    }

    @Test
    void registersListsUpdatesAndDeletesEndpointsShowingTheSecretOnlyOnCreateAndRoll() {
        ApiClient api = newAccount();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", "http://localhost:9/hook");
        body.put("enabled_events", List.of("call.completed", "contact.updated"));
        body.put("description", "CRM sync");
        ApiClient.Response created = api.post("/v1/webhook_endpoints", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode endpoint = created.json();
        String id = endpoint.path("id").asText();
        assertThat(id).startsWith("we_");
        assertThat(endpoint.path("object").asText()).isEqualTo("webhook_endpoint");
        assertThat(endpoint.path("status").asText()).isEqualTo("enabled");
        assertThat(endpoint.path("secret").asText()).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(endpoint.path("secret").asText().substring(6))).hasSizeGreaterThanOrEqualTo(24);

        JsonNode read = api.get("/v1/webhook_endpoints/" + id).json();
        assertThat(read.path("description").asText()).isEqualTo("CRM sync");
        assertThat(read.has("secret")).isFalse();
        assertThat(api.get("/v1/webhook_endpoints").json().path("data").get(0).has("secret")).isFalse();

        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("enabled_events", List.of("*"));
        patch.put("description", null);
        patch.put("status", "disabled");
        JsonNode patched = api.patch("/v1/webhook_endpoints/" + id, patch).json();
        assertThat(patched.path("enabled_events").toString()).isEqualTo("[\"*\"]");
        assertThat(patched.path("description").isNull()).isTrue();
        assertThat(patched.path("status").asText()).isEqualTo("disabled");
        assertThat(patched.has("secret")).isFalse();

        JsonNode rolled = api.post("/v1/webhook_endpoints/" + id + "/roll_secret", null).json();
        assertThat(rolled.path("secret").asText()).startsWith("whsec_").isNotEqualTo(endpoint.path("secret").asText());

        ApiClient stranger = newAccount();
        assertThat(stranger.get("/v1/webhook_endpoints/" + id).status()).isEqualTo(404);
        assertThat(stranger.post("/v1/webhook_endpoints/" + id + "/roll_secret", null).status()).isEqualTo(404);
        assertThat(stranger.get("/v1/webhook_endpoints/" + id + "/deliveries").status()).isEqualTo(404);
        assertThat(stranger.delete("/v1/webhook_endpoints/" + id).status()).isEqualTo(404);
        assertThat(stranger.get("/v1/webhook_endpoints").json().path("data")).isEmpty();

        ApiClient.Response deleted = api.delete("/v1/webhook_endpoints/" + id);
        assertThat(deleted.json().path("deleted").asBoolean()).isTrue();
        assertThat(api.get("/v1/webhook_endpoints/" + id).status()).isEqualTo(404);
    }

    @Test
    void refusesUnknownEventTypesAndInvalidUrls() {
        ApiClient api = newAccount();
        ApiClient.Response response = api.post("/v1/webhook_endpoints",
                Map.of("url", "ftp://example.com/x", "enabled_events", List.of("call.completed", "call.exploded")));
        assertThat(response.status()).isEqualTo(422);
        List<String> errors = new ArrayList<>();
        response.json().path("errors").forEach(e -> errors.add(e.path("param").asText() + ":" + e.path("code").asText()));
        assertThat(errors).containsExactlyInAnyOrder("url:invalid_url", "enabled_events.1:invalid_event_type");

        assertThat(api.post("/v1/webhook_endpoints", Map.of("url", "https://example.com/x")).json()
                .path("code").asText()).isEqualTo("parameter_missing");
        assertThat(api.post("/v1/webhook_endpoints", Map.of("url", "https://example.com/x",
                "enabled_events", List.of("*", "call.failed"))).status()).isEqualTo(422);
        assertThat(api.post("/v1/webhook_endpoints", Map.of("url", "https://example.com/x",
                "enabled_events", List.of())).status()).isEqualTo(422);
    }

    @Test
    void deliversASignedEventThatTheStandardWebhooksLibraryVerifies() throws Exception {
        ApiClient api = newAccount();
        String path = hook(200);
        JsonNode endpoint = createEndpoint(api, path, List.of("contact.updated"));
        String contactId = contactChanged(accountOf(endpoint), ContactStatus.REACHED);

        await().atMost(Duration.ofSeconds(10)).until(() -> received(path).size() == 1);
        LoggedRequest request = received(path).get(0);
        String body = request.getBodyAsString();
        new Webhook(endpoint.path("secret").asText()).verify(body, headers(request));

        JsonNode event = JSON.readTree(body);
        assertThat(event.path("id").asText()).startsWith("evt_").isEqualTo(request.getHeader("webhook-id"));
        assertThat(event.path("type").asText()).isEqualTo("contact.updated");
        assertThat(event.path("timestamp").asText()).endsWith("Z");
        assertThat(event.path("data").path("id").asText()).isEqualTo(contactId);
        assertThat(event.path("data").path("object").asText()).isEqualTo("contact");
        assertThat(event.path("data").path("status").asText()).isEqualTo("reached");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");

        await().atMost(Duration.ofSeconds(5)).until(() ->
                deliveries(api, endpoint.path("id").asText()).path(0).path("status").asText().equals("succeeded"));
        JsonNode delivery = deliveries(api, endpoint.path("id").asText()).get(0);
        assertThat(delivery.path("event_id").asText()).isEqualTo(event.path("id").asText());
        assertThat(delivery.path("type").asText()).isEqualTo("contact.updated");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.path("last_response_status").asInt()).isEqualTo(200);
        assertThat(delivery.path("last_response_body").asText()).isEqualTo("ok");
    }

    @Test
    void sendsOnlySubscribedTypesToEnabledEndpointsOfTheSameAccount() {
        ApiClient api = newAccount();
        String subscribed = hook(200);
        String other = hook(200);
        JsonNode endpoint = createEndpoint(api, subscribed, List.of("*"));
        String otherId = createEndpoint(api, other, List.of("call.completed")).path("id").asText();
        String strangerPath = hook(200);
        String strangerId = createEndpoint(newAccount(), strangerPath, List.of("*")).path("id").asText();

        String accountId = accountOf(endpoint);
        events.publish(new ContactOptedOutEvent("contact_opt", accountId, "camp_1", "call_1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> received(subscribed).size() == 1);
        assertThat(received(subscribed).get(0).getBodyAsString()).contains("\"status\":\"opted_out\"", "\"do_not_call\":true");

        // a later event for the same endpoint arrives too, so by now the others would have had theirs
        contactChanged(accountId, ContactStatus.UNREACHABLE);
        await().atMost(Duration.ofSeconds(10)).until(() -> received(subscribed).size() == 2);
        // deliveries are written in the same transaction as the subscribed endpoint's: none exist for the others
        assertThat(jdbc.queryForObject("select count(*) from webhooks.deliveries where endpoint_id in (?, ?)",
                Integer.class, otherId, strangerId)).isZero();
        assertThat(received(other)).isEmpty();
        assertThat(received(strangerPath)).isEmpty();
    }

    @Test
    void retriesAFailingReceiverUntilItSucceedsWithTheSameWebhookIdAndIdenticalBody() {
        ApiClient api = newAccount();
        String path = "/hook/" + UUID.randomUUID();
        String scenario = "flaky-" + path;
        receiver.stubFor(post(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withBody("down")).willSetStateTo("1"));
        receiver.stubFor(post(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs("1")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("2"));
        receiver.stubFor(post(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs("2")
                .willReturn(aResponse().withFixedDelay(10).withStatus(502)).willSetStateTo("3"));
        receiver.stubFor(post(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs("3")
                .willReturn(aResponse().withStatus(204)).willSetStateTo("done"));
        receiver.stubFor(post(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs("done")
                .willReturn(aResponse().withStatus(200)));
        JsonNode endpoint = createEndpoint(api, path, List.of("contact.updated"));
        String endpointId = endpoint.path("id").asText();
        contactChanged(accountOf(endpoint), ContactStatus.REACHED);

        await().atMost(Duration.ofSeconds(15)).until(() ->
                deliveries(api, endpointId).path(0).path("status").asText().equals("succeeded"));
        List<LoggedRequest> requests = received(path);
        assertThat(requests).hasSize(4);
        assertThat(requests).extracting(r -> r.getHeader("webhook-id")).containsOnly(requests.get(0).getHeader("webhook-id"));
        assertThat(requests).extracting(LoggedRequest::getBodyAsString).containsOnly(requests.get(0).getBodyAsString());
        requests.forEach(r -> assertThatCode(() -> new Webhook(endpoint.path("secret").asText())
                .verify(r.getBodyAsString(), headers(r))).doesNotThrowAnyException());
        JsonNode delivery = deliveries(api, endpointId).get(0);
        assertThat(delivery.path("attempts").asInt()).isEqualTo(4);
        assertThat(delivery.path("last_response_status").asInt()).isEqualTo(204);
        assertThat(delivery.path("next_attempt_at").isNull()).isTrue();
    }

    @Test
    void signsWithBothSecretsDuringRotationSoEitherVerifies() throws Exception {
        ApiClient api = newAccount();
        String path = hook(200);
        JsonNode endpoint = createEndpoint(api, path, List.of("contact.updated"));
        String endpointId = endpoint.path("id").asText();
        String oldSecret = endpoint.path("secret").asText();
        String newSecret = api.post("/v1/webhook_endpoints/" + endpointId + "/roll_secret", null).json()
                .path("secret").asText();
        contactChanged(accountOf(endpoint), ContactStatus.REACHED);

        await().atMost(Duration.ofSeconds(10)).until(() -> received(path).size() == 1);
        LoggedRequest request = received(path).get(0);
        assertThat(request.getHeader("webhook-signature").split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        new Webhook(newSecret).verify(request.getBodyAsString(), headers(request));
        new Webhook(oldSecret).verify(request.getBodyAsString(), headers(request));

        // once the overlap has passed only the new secret signs
        jdbc.update("update webhooks.endpoints set previous_secret_expires_at = now() - interval '1 second' where id = ?",
                endpointId);
        contactChanged(accountOf(endpoint), ContactStatus.UNREACHABLE);
        await().atMost(Duration.ofSeconds(10)).until(() -> received(path).size() == 2);
        LoggedRequest later = received(path).stream().filter(r -> r != request
                && !r.getHeader("webhook-id").equals(request.getHeader("webhook-id"))).findFirst().orElseThrow();
        assertThat(later.getHeader("webhook-signature").split(" ")).hasSize(1);
        new Webhook(newSecret).verify(later.getBodyAsString(), headers(later));
    }

    @Test
    void signingSecretsAreStoredSealedNeverAsTheSecret() {
        ApiClient api = newAccount();
        JsonNode endpoint = createEndpoint(api, hook(200), List.of("*"));
        String endpointId = endpoint.path("id").asText();
        String first = endpoint.path("secret").asText();
        String second = api.post("/v1/webhook_endpoints/" + endpointId + "/roll_secret", null).json().path("secret").asText();

        Map<String, Object> row = jdbc.queryForMap("select secret, previous_secret from webhooks.endpoints where id = ?",
                endpointId);
        for (String column : List.of("secret", "previous_secret")) {
            assertThat((String) row.get(column)).as(column).startsWith("v1:").doesNotContain("whsec_")
                    .doesNotContain(first.substring(6, 20)).doesNotContain(second.substring(6, 20));
        }
        assertThat(jdbc.queryForObject("select count(*) from webhooks.endpoints where secret like 'whsec%' "
                + "or previous_secret like 'whsec%'", Integer.class)).isZero();
    }

    @Test
    void anEndpointWhoseSecretWasStoredInPlainTextKeepsSigningAndIsSealedAtStart() throws Exception {
        ApiClient api = newAccount();
        String path = hook(200);
        JsonNode endpoint = createEndpoint(api, path, List.of("contact.updated"));
        String endpointId = endpoint.path("id").asText();
        String secret = endpoint.path("secret").asText();
        // as a row written before secrets were sealed
        jdbc.update("update webhooks.endpoints set secret = ? where id = ?", secret, endpointId);

        contactChanged(accountOf(endpoint), ContactStatus.REACHED);
        await().atMost(Duration.ofSeconds(10)).until(() -> received(path).size() == 1);
        new Webhook(secret).verify(received(path).get(0).getBodyAsString(), headers(received(path).get(0)));

        context.getBean(WebhookEndpoints.class).sealSecretsWithTheCurrentKey();
        assertThat(jdbc.queryForObject("select secret from webhooks.endpoints where id = ?", String.class, endpointId))
                .startsWith("v1:").doesNotContain("whsec_");
        contactChanged(accountOf(endpoint), ContactStatus.UNREACHABLE);
        await().atMost(Duration.ofSeconds(10)).until(() -> received(path).size() == 2);
        for (LoggedRequest request : received(path)) {
            new Webhook(secret).verify(request.getBodyAsString(), headers(request));
        }
    }

    @Test
    void aSecretSealedWithALostKeySendsNothingUntilRolled() throws Exception {
        ApiClient api = newAccount();
        String path = hook(200);
        JsonNode endpoint = createEndpoint(api, path, List.of("contact.updated"));
        String endpointId = endpoint.path("id").asText();
        byte[] otherKey = new byte[SecretCipher.KEY_BYTES];
        new java.security.SecureRandom().nextBytes(otherKey);
        jdbc.update("update webhooks.endpoints set secret = ? where id = ?",
                new SecretCipher(otherKey).sealText(endpoint.path("secret").asText(), endpointId),
                endpointId);

        contactChanged(accountOf(endpoint), ContactStatus.REACHED);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                deliveries(api, endpointId).path(0).path("last_error").asText().contains("roll the secret"));
        assertThat(received(path)).isEmpty();

        String rolled = api.post("/v1/webhook_endpoints/" + endpointId + "/roll_secret", null).json().path("secret").asText();
        String deliveryId = deliveries(api, endpointId).path(0).path("id").asText();
        assertThat(api.post("/v1/webhook_endpoints/" + endpointId + "/deliveries/" + deliveryId + "/resend", null)
                .status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !received(path).isEmpty());
        for (LoggedRequest request : received(path)) {
            // the previous secret does not open either: only the new one signs
            assertThat(request.getHeader("webhook-signature").split(" ")).hasSize(1);
            new Webhook(rolled).verify(request.getBodyAsString(), headers(request));
        }
    }

    @Test
    void aGoneReceiverDisablesTheEndpoint() {
        ApiClient api = newAccount();
        String path = hook(410);
        JsonNode endpoint = createEndpoint(api, path, List.of("*"));
        String endpointId = endpoint.path("id").asText();
        contactChanged(accountOf(endpoint), ContactStatus.REACHED);

        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/v1/webhook_endpoints/" + endpointId).json().path("status").asText().equals("disabled"));
        assertThat(received(path)).hasSize(1);
        JsonNode delivery = deliveries(api, endpointId).get(0);
        assertThat(delivery.path("status").asText()).isEqualTo("failed");
        assertThat(delivery.path("last_response_status").asInt()).isEqualTo(410);
        ApiClient.Response resend = api.post("/v1/webhook_endpoints/" + endpointId + "/deliveries/"
                + delivery.path("id").asText() + "/resend", null);
        assertThat(resend.status()).isEqualTo(409);
        assertThat(resend.json().path("code").asText()).isEqualTo("endpoint_disabled");
    }

    @Test
    void anEndpointFailingForThreeDaysIsDisabled() {
        ApiClient api = newAccount();
        String path = hook(500);
        JsonNode endpoint = createEndpoint(api, path, List.of("*"));
        String endpointId = endpoint.path("id").asText();
        jdbc.update("update webhooks.endpoints set failing_since = now() - interval '3 days 1 minute' where id = ?", endpointId);
        contactChanged(accountOf(endpoint), ContactStatus.REACHED);

        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/v1/webhook_endpoints/" + endpointId).json().path("status").asText().equals("disabled"));
        assertThat(received(path)).hasSize(1);
    }

    @Test
    void anExhaustedDeliveryStaysFailedUntilResent() {
        ApiClient api = newAccount();
        String path = hook(500);
        JsonNode endpoint = createEndpoint(api, path, List.of("contact.updated"));
        String endpointId = endpoint.path("id").asText();
        contactChanged(accountOf(endpoint), ContactStatus.REACHED);

        // the test schedule has 7 retries: 8 attempts in all
        await().atMost(Duration.ofSeconds(20)).until(() ->
                deliveries(api, endpointId).path(0).path("status").asText().equals("failed"));
        JsonNode failed = deliveries(api, endpointId).get(0);
        assertThat(failed.path("attempts").asInt()).isEqualTo(8);
        assertThat(failed.path("last_response_body").asText()).isEqualTo("ok");
        assertThat(received(path)).hasSize(8);
        assertThat(api.get("/v1/webhook_endpoints/" + endpointId + "/deliveries?status=failed").json().path("data")).hasSize(1);
        assertThat(api.get("/v1/webhook_endpoints/" + endpointId + "/deliveries?status=pending").json().path("data")).isEmpty();

        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        ApiClient.Response resend = api.post("/v1/webhook_endpoints/" + endpointId + "/deliveries/"
                + failed.path("id").asText() + "/resend", null);
        assertThat(resend.status()).as(resend.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                deliveries(api, endpointId).path(0).path("status").asText().equals("succeeded"));
        assertThat(deliveries(api, endpointId).get(0).path("attempts").asInt()).isEqualTo(9);
        assertThat(received(path)).extracting(r -> r.getHeader("webhook-id")).containsOnly(failed.path("event_id").asText());
    }

    @Test
    void deliveriesSurviveASenderRestartWhileTheReceiverIsDown() {
        ApiClient api = newAccount();
        WireMockServer down = new WireMockServer(options().dynamicPort());
        down.start();
        int port = down.port();
        down.stop(); // nothing listens on the port now: connections are refused
        ApiClient.Response created = api.post("/v1/webhook_endpoints",
                Map.of("url", "http://localhost:" + port + "/hook", "enabled_events", List.of("*")));
        String endpointId = created.json().path("id").asText();
        String accountId = accountOf(created.json());

        Lifecycle sender = (Lifecycle) context.getBean("webhookSender");
        sender.stop();
        List<String> sent = new ArrayList<>();
        WireMockServer up = new WireMockServer(options().port(port));
        try {
            for (int i = 0; i < 5; i++) {
                sent.add(contactChanged(accountId, ContactStatus.REACHED));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "select count(*) from webhooks.deliveries where endpoint_id = ? and status = 'pending'",
                    Integer.class, endpointId) == 5);
            assertThat(jdbc.queryForObject("select sum(attempts) from webhooks.deliveries where endpoint_id = ?",
                    Integer.class, endpointId)).isZero();

            sender.start();
            // the receiver is still down: attempts fail and are retried
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "select count(*) from webhooks.deliveries where endpoint_id = ? and attempts > 0 and status = 'pending'",
                    Integer.class, endpointId) == 5);

            up.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
            up.start();
            await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                    "select count(*) from webhooks.deliveries where endpoint_id = ? and status = 'succeeded'",
                    Integer.class, endpointId) == 5);
            List<String> contacts = new ArrayList<>();
            for (LoggedRequest request : up.findAll(postRequestedFor(urlEqualTo("/hook")))) {
                contacts.add(JSON.readTree(request.getBodyAsString()).path("data").path("id").asText());
            }
            assertThat(contacts).containsExactlyInAnyOrderElementsOf(sent);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } finally {
            sender.start();
            up.stop();
        }
    }

    @Test
    void theOutboxIsRegisteredOnceAndSkipsTypesNoMapperMaps() {
        var outbox = processing.eventProcessor(WebhookOutbox.PROCESSING_GROUP, AbstractEventProcessor.class).orElseThrow();
        List<EventMessageHandler> handlers = handlersOf(outbox.eventHandlerInvoker());
        assertThat(handlers).hasSize(1);
        EventMessageHandler handler = handlers.get(0);
        assertThat(handler.canHandleType(ContactStatusChangedEvent.class)).isTrue();
        // an import's contacts never reach the outbox's code, so they are never deserialized there
        assertThat(handler.canHandleType(ContactCreatedEvent.class)).isFalse();
        assertThat(handler.canHandle(GenericEventMessage.asEventMessage(new ContactCreatedEvent("contact_1", "acct_1",
                null, null, false, null)))).isFalse();
    }

    private static List<EventMessageHandler> handlersOf(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return multi.delegates().stream().flatMap(d -> handlersOf(d).stream()).toList();
        }
        if (invoker instanceof TypeCachingEventHandlerInvoker cached) {
            return handlersOf(cached.delegate());
        }
        return ((SimpleEventHandlerInvoker) invoker).eventHandlers();
    }

    @Test
    void rebuildingTheOutboxSendsNothingAgain() {
        ApiClient api = newAccount();
        String before = hook(200);
        JsonNode first = createEndpoint(api, before, List.of("*"));
        String accountId = accountOf(first);
        contactChanged(accountId, ContactStatus.REACHED);
        await().atMost(Duration.ofSeconds(10)).until(() -> received(before).size() == 1);
        // an endpoint registered after the event: a replay that created deliveries would give it one
        String after = hook(200);
        createEndpoint(api, after, List.of("*"));

        StreamingEventProcessor outbox = processing.eventProcessor(WebhookOutbox.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        outbox.shutDown();
        outbox.resetTokens(StreamableMessageSource::createTailToken);
        outbox.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> !outbox.processingStatus().isEmpty() && !outbox.isReplaying());

        String marker = contactChanged(accountId, ContactStatus.UNREACHABLE);
        await().atMost(Duration.ofSeconds(10)).until(() -> received(after).size() == 1 && received(before).size() == 2);
        assertThat(received(after).get(0).getBodyAsString()).contains(marker);
        assertThat(jdbc.queryForObject("select count(*) from webhooks.deliveries d join webhooks.endpoints e "
                + "on e.id = d.endpoint_id where e.account_id = ?", Integer.class, accountId)).isEqualTo(3);
    }
}
