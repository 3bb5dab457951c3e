package io.outboundcalls.app.support;

import io.outboundcalls.app.OutboundCallsApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of HTTP-level tests: the whole service on a random port against the shared test
 * PostgreSQL. Every test class extending this (with no extra configuration) shares one
 * application context. Tests isolate themselves by creating their own accounts. Purchases go through
 * the record-only provider, watched by {@link ScriptedPayments}.
 */
@SpringBootTest(classes = OutboundCallsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "outboundcalls.admin-token=" + ApiTest.ADMIN_TOKEN,
                "outboundcalls.dev-account=false",
                "outboundcalls.data-dir=target/test-data",
                "outboundcalls.read-your-writes=10s",
                "outboundcalls.payments.provider=record-only",
                "outboundcalls.webhooks.allow-private-networks=true",
                "outboundcalls.webhooks.retry-schedule=200ms,200ms,200ms,200ms,200ms,200ms,200ms",
                // @SpringBootTest turns metrics export off by default; /admin/metrics is tested
                "management.prometheus.metrics.export.enabled=true"
        })
@ContextConfiguration(initializers = TestDatabase.Shared.class)
public abstract class ApiTest {

    public static final String ADMIN_TOKEN = "test-admin-token-of-at-least-32-characters";

    @LocalServerPort
    protected int port;

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected ApiClient admin() {
        return new ApiClient(baseUrl(), ADMIN_TOKEN);
    }

    protected ApiClient anonymous() {
        return new ApiClient(baseUrl(), null);
    }

    /**
     * Tests run at any hour of the day, and most of their campaigns dial around the clock: their
     * accounts' legal calling window is the whole day (the operator's setting), unless a test asks
     * for the default one ({@link #newAccountWithDefaultLegalWindow}).
     */
    protected static final Map<String, String> WHOLE_DAY = Map.of("start", "00:00", "end", "23:59");

    /** A new account of the given tier; returns a client authenticated with its first API key. */
    protected ApiClient newAccount(String tier) {
        return createAccount(Map.of("name", "Test " + tier, "tier", tier, "legal_calling_window", WHOLE_DAY));
    }

    /** A new enterprise account with the default legal calling window, 08:00–21:00. */
    protected ApiClient newAccountWithDefaultLegalWindow() {
        return createAccount(Map.of("name", "Test default window", "tier", "enterprise"));
    }

    private ApiClient createAccount(Map<String, Object> body) {
        ApiClient.Response created = admin().post("/admin/accounts", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new ApiClient(baseUrl(), created.json().path("api_key").path("secret").asText());
    }

    protected ApiClient newAccount() {
        return newAccount("enterprise");
    }
}
