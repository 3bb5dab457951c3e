package io.outboundcalls.webhooks.delivery;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.outboundcalls.webhooks.TestProperties;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.UnknownHostException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The connection-time guard: with the setting off, the HTTP client never connects to a local address. */
class ConnectionGuardTest {

    private WireMockServer local;

    @BeforeEach
    void start() {
        local = new WireMockServer(options().dynamicPort());
        local.start();
        local.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    @AfterEach
    void stop() {
        local.stop();
    }

    @Test
    void refusesToConnectToANameThatResolvesToALoopbackAddress() throws Exception {
        try (CloseableHttpClient http = WebhookSender.httpClient(TestProperties.webhooks(false))) {
            assertThatThrownBy(() -> http.execute(new HttpPost("http://localhost:" + local.port() + "/hook"), r -> r.getCode()))
                    .isInstanceOf(UnknownHostException.class);
            assertThatThrownBy(() -> http.execute(new HttpPost("http://127.0.0.1:" + local.port() + "/hook"), r -> r.getCode()))
                    .isInstanceOf(UnknownHostException.class);
            assertThatThrownBy(() -> http.execute(new HttpPost("http://[::1]:" + local.port() + "/hook"), r -> r.getCode()))
                    .isInstanceOf(UnknownHostException.class);
        }
        assertThat(local.getAllServeEvents()).isEmpty();
    }

    @Test
    void connectsLocallyOnlyWithTheDevelopmentSetting() throws Exception {
        try (CloseableHttpClient http = WebhookSender.httpClient(TestProperties.webhooks(true))) {
            int status = http.execute(new HttpPost("http://localhost:" + local.port() + "/hook"), r -> r.getCode());
            assertThat(status).isEqualTo(200);
        }
    }

    @Test
    void neverFollowsRedirects() throws Exception {
        local.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(302).withHeader("Location", "/elsewhere")));
        try (CloseableHttpClient http = WebhookSender.httpClient(TestProperties.webhooks(true))) {
            int status = http.execute(new HttpPost("http://localhost:" + local.port() + "/hook"), r -> r.getCode());
            assertThat(status).isEqualTo(302);
        }
        assertThat(local.getAllServeEvents()).hasSize(1);
    }
}
