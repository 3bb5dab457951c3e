package io.outboundcalls.app.telephony;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.outboundcalls.app.support.ApiTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of HTTP-level tests with {@code provider=twilio}: ONE extra Spring context shared by every class extending
 * this (keep the properties identical). One WireMock server, started once per JVM, stands in for Twilio's REST API
 * and for the language model ({@code /v1/...}); the service listens on a port chosen before it starts so that
 * {@code public-base-url} (what callbacks are signed against and the relay URL is built from) names it.
 */
@TestPropertySource(properties = {
        "outboundcalls.telephony.provider=twilio",
        "outboundcalls.telephony.twilio.account-sid=" + TwilioModeTest.ACCOUNT_SID,
        "outboundcalls.telephony.twilio.auth-token=" + TwilioModeTest.AUTH_TOKEN,
        "outboundcalls.telephony.twilio.from-number=+15005550006",
        "outboundcalls.llm.api-key=test-llm-key",
        "outboundcalls.llm.model=test-model"
})
public abstract class TwilioModeTest extends ApiTest {

    public static final String ACCOUNT_SID = "AC00000000000000000000000000000000";
    public static final String AUTH_TOKEN = "test-twilio-auth-token";
    /** Twilio's REST API and the language model. */
    protected static final WireMockServer FAKE = new WireMockServer(options().dynamicPort());
    protected static final int SERVER_PORT = freePort();

    static {
        FAKE.start();
    }

    @DynamicPropertySource
    static void twilio(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> SERVER_PORT);
        registry.add("outboundcalls.telephony.twilio.api-base-url", () -> "http://127.0.0.1:" + FAKE.port());
        registry.add("outboundcalls.telephony.twilio.public-base-url", () -> "http://127.0.0.1:" + SERVER_PORT);
        registry.add("outboundcalls.llm.base-url", () -> "http://127.0.0.1:" + FAKE.port() + "/v1");
    }

    /** The base Twilio is told to reach: callbacks are signed over URLs under it. */
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
