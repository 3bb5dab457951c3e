package io.outboundcalls.telephony.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
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
    void aThrottledCreationIsTriedAgain() {
        TWILIO.stubFor(post(CALLS).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"code\":20429,\"message\":\"Too Many Requests\"}"))
                .willSetStateTo("ok"));
        TWILIO.stubFor(post(CALLS).inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"CA2\",\"status\":\"queued\"}")));

        assertThat(client.createCall(new Form()).sid()).isEqualTo("CA2");
        TWILIO.verify(2, postRequestedFor(urlEqualTo(CALLS)));
    }

    @Test
    void aCreationAnsweredWithAServerErrorIsNotSentAgainBlindly() {
        TWILIO.stubFor(post(CALLS).willReturn(aResponse().withStatus(503).withBody("{}")));

        assertThatThrownBy(() -> client.createCall(new Form())).isInstanceOfSatisfying(TwilioApiException.class,
                e -> assertThat(e.httpStatus()).isEqualTo(503));
        TWILIO.verify(1, postRequestedFor(urlEqualTo(CALLS)));
    }

    @Test
    void readsAreTriedAgainAfterServerErrors() {
        String call = "/2010-04-01/Accounts/AC00000000000000000000000000000000/Calls/CA3.json";
        TWILIO.stubFor(get(call).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("{}")).willSetStateTo("ok"));
        TWILIO.stubFor(get(call).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("{\"sid\":\"CA3\",\"status\":\"in-progress\"}")));

        assertThat(client.fetchCall("CA3").status()).isEqualTo("in-progress");
        TWILIO.verify(2, getRequestedFor(urlEqualTo(call)));
    }

    @Test
    void theCallsToANumberFromACallerIdAreListedWithWhenTwilioCreatedThem() {
        TWILIO.stubFor(get(urlPathEqualTo(CALLS)).withQueryParam("To", equalTo("+442079460001")).withQueryParam("From", equalTo("+15005550006"))
                .willReturn(aResponse().withStatus(200).withBody("""
                        {"calls": [{"sid": "CA9", "status": "ringing", "date_created": "Wed, 02 Dec 2026 10:15:30 +0000"},
                                   {"sid": "CA8", "status": "completed", "duration": "12", "date_created": null}],
                         "page_size": 50}""")));

        List<TwilioRestClient.TwilioCall> calls = client.listCalls("+442079460001", "+15005550006");

        assertThat(calls).containsExactly(
                new TwilioRestClient.TwilioCall("CA9", "ringing", null, Instant.parse("2026-12-02T10:15:30Z")),
                new TwilioRestClient.TwilioCall("CA8", "completed", 12, null));
        TWILIO.verify(getRequestedFor(urlPathEqualTo(CALLS)).withQueryParam("PageSize", equalTo("50")));
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
