package io.outboundcalls.telephony.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwilioRestClientTest {

    private static final String CALLS = "/2010-04-01/Accounts/AC00000000000000000000000000000000/Calls.json";
    private static final WireMockServer TWILIO = new WireMockServer(options().dynamicPort());

    private TwilioRestClient client;

    @BeforeAll
    static void start() {
        TWILIO.start();
    }

    @AfterAll
    static void stop() {
        TWILIO.stop();
    }

    @BeforeEach
    void setUp() {
        TWILIO.resetAll();
        client = new TwilioRestClient(new TwilioProperties("AC00000000000000000000000000000000", "token", null, null,
                TWILIO.baseUrl(), "https://calls.example.com", "+15005550006"), TwilioFixtures.SETTINGS);
    }

    @Test
    void aCallIsCreatedWithBasicAuthOfTheAccount() {
        TWILIO.stubFor(post(CALLS).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"CA1\",\"status\":\"queued\"}")));

        TwilioRestClient.TwilioCall call = client.createCall(new Form().add("To", "+442079460001"));

        assertThat(call.sid()).isEqualTo("CA1");
        String basic = "Basic " + Base64.getEncoder().encodeToString("AC00000000000000000000000000000000:token".getBytes());
        TWILIO.verify(postRequestedFor(urlEqualTo(CALLS)).withHeader("Authorization", equalTo(basic))
                .withRequestBody(equalTo("To=%2B442079460001")));
    }

    @Test
    void tooManyRequestsAndServerErrorsAreTriedAgain() {
        TWILIO.stubFor(post(CALLS).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"code\":20429,\"message\":\"Too Many Requests\"}"))
                .willSetStateTo("error"));
        TWILIO.stubFor(post(CALLS).inScenario("busy").whenScenarioStateIs("error")
                .willReturn(aResponse().withStatus(503).withBody("{}")).willSetStateTo("ok"));
        TWILIO.stubFor(post(CALLS).inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"CA2\",\"status\":\"queued\"}")));

        assertThat(client.createCall(new Form()).sid()).isEqualTo("CA2");
        TWILIO.verify(3, postRequestedFor(urlEqualTo(CALLS)));
    }

    @Test
    void aRefusalCarriesTwiliosCodeAndIsNotTriedAgain() {
        TWILIO.stubFor(post(CALLS).willReturn(aResponse().withStatus(400)
                .withBody("{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\",\"status\":400}")));

        assertThatThrownBy(() -> client.createCall(new Form())).isInstanceOfSatisfying(TwilioApiException.class, e -> {
            assertThat(e.code()).isEqualTo(21211);
            assertThat(e.retryable()).isFalse();
            assertThat(e.endReason()).isEqualTo("twilio error 21211: The 'To' number is not a valid phone number.");
        });
        TWILIO.verify(1, postRequestedFor(urlEqualTo(CALLS)));
    }

    @Test
    void persistentThrottlingGivesUpAfterTheConfiguredAttempts() {
        TWILIO.stubFor(post(CALLS).willReturn(aResponse().withStatus(429).withBody("{\"code\":20429,\"message\":\"slow down\"}")));

        assertThatThrownBy(() -> client.createCall(new Form())).isInstanceOfSatisfying(TwilioApiException.class,
                e -> assertThat(e.retryable()).isTrue());
        TWILIO.verify(TwilioFixtures.SETTINGS.restAttempts(), postRequestedFor(urlEqualTo(CALLS)));
    }

    @Test
    void recordingsAreDownloadedAsWav() {
        TWILIO.stubFor(get("/2010-04-01/Accounts/AC00000000000000000000000000000000/Recordings/RE1.wav")
                .willReturn(aResponse().withBody(new byte[] {'R', 'I', 'F', 'F'})));
        assertThat(client.downloadRecording("RE1")).containsExactly('R', 'I', 'F', 'F');
    }
}
