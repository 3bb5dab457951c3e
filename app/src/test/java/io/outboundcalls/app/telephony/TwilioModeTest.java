package io.outboundcalls.app.telephony;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.outboundcalls.app.OutboundCallsApplication;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.app.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service with Twilio as the provider, Twilio's REST API and the language model both played by
 * one WireMock server. The service listens on a port chosen before it starts, so that
 * {@code public-base-url} (which every signature is checked against) can name it. Every twilio-mode test
 * extends this class unchanged, so they share one application context (ApiTest's properties, plus these),
 * on a database of its own on the same server.
 */
@SpringBootTest(classes = OutboundCallsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
                "outboundcalls.admin-token=" + ApiTest.ADMIN_TOKEN,
                "outboundcalls.dev-account=false",
                "outboundcalls.data-dir=target/test-data",
                "outboundcalls.read-your-writes=10s",
                "outboundcalls.payments.provider=record-only",
                "outboundcalls.webhooks.allow-private-networks=true",
                "outboundcalls.webhooks.retry-schedule=200ms,200ms,200ms,200ms,200ms,200ms,200ms",
                "management.prometheus.metrics.export.enabled=true"
        })
@Import(TestTelephony.class)
@ContextConfiguration(initializers = TwilioModeTest.OwnDatabase.class, inheritInitializers = false)
public abstract class TwilioModeTest extends ApiTest {

    /**
     * Its own database on the test server: this context's dialer, with Twilio as the provider, must not
     * recover the shared context's simulated calls, nor its webhook sender deliver their webhooks (on one
     * database they would be nodes of one cluster).
     */
    static final class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestDatabase.apply(context, TestDatabase.other("twilio_mode"));
        }
    }


    protected static final String AUTH_TOKEN = "test-twilio-auth-token";
    protected static final WireMockServer FAKES = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    protected static final int SERVER_PORT = freePort();

    static {
        FAKES.start();
    }

    @DynamicPropertySource
    static void twilio(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> SERVER_PORT);
        registry.add("outboundcalls.telephony.provider", () -> "twilio");
        registry.add("outboundcalls.telephony.twilio.account-sid", () -> "AC00000000000000000000000000000000");
        registry.add("outboundcalls.telephony.twilio.auth-token", () -> AUTH_TOKEN);
        registry.add("outboundcalls.telephony.twilio.api-base-url", () -> "http://127.0.0.1:" + FAKES.port());
        registry.add("outboundcalls.telephony.twilio.public-base-url", () -> "http://127.0.0.1:" + SERVER_PORT);
        registry.add("outboundcalls.telephony.twilio.from-number", () -> "+15005550006");
        registry.add("outboundcalls.llm.base-url", () -> "http://127.0.0.1:" + FAKES.port() + "/v1");
        registry.add("outboundcalls.llm.api-key", () -> "test-llm-key");
        registry.add("outboundcalls.llm.model", () -> "test-model");
    }

    protected static String publicBaseUrl() {
        return "http://127.0.0.1:" + SERVER_PORT;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
