package io.outboundcalls.telephony.recording;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The S3 store against a fake S3-compatible server speaking the REST API's status codes and XML errors. */
class S3RecordingStoreTest {

    private static final WireMockServer S3 = new WireMockServer(options().dynamicPort());
    private static final byte[] WAV = {'R', 'I', 'F', 'F', 0, 1, 2, 3, 'W', 'A', 'V', 'E'};

    private S3RecordingStore store;

    @BeforeAll
    static void start() {
        S3.start();
    }

    @AfterAll
    static void stop() {
        S3.stop();
    }

    @BeforeEach
    void setUp() {
        S3.resetAll();
        store = new S3RecordingStore(settings("recordings", "AKIATEST", "secret"));
    }

    private static RecordingStoreProperties.S3 settings(String bucket, String key, String secret) {
        return new RecordingStoreProperties.S3(bucket, "calls/", "eu-west-1", S3.baseUrl(), true, key, secret);
    }

    @Test
    void aRecordingIsPutUnderItsCallsKeySignedAndOnlyIfAbsent() {
        S3.stubFor(put(urlPathEqualTo("/recordings/calls/call_1.wav")).willReturn(aResponse().withStatus(200).withHeader("ETag", "\"1\"")));

        store.store("call_1", "audio/wav", WAV);

        S3.verify(putRequestedFor(urlPathEqualTo("/recordings/calls/call_1.wav"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIATEST/\\d{8}/eu-west-1/s3/aws4_request, .*"))
                .withHeader("Content-Type", equalTo("audio/wav"))
                .withHeader("If-None-Match", equalTo("*")));
    }

    @Test
    void aSecondStoreOfTheSameCallKeepsTheFirst() {
        S3.stubFor(put(urlPathEqualTo("/recordings/calls/call_1.wav")).willReturn(aResponse().withStatus(412)
                .withBody("<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message></Error>")));

        store.store("call_1", "audio/wav", WAV);
    }

    @Test
    void aRefusalOtherThanAnExistingObjectIsAFailure() {
        S3.stubFor(put(urlPathEqualTo("/recordings/calls/call_1.wav")).willReturn(aResponse().withStatus(403)
                .withBody("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>")));

        assertThatThrownBy(() -> store.store("call_1", "audio/wav", WAV)).hasMessageContaining("Access Denied");
    }

    @Test
    void aStoredRecordingIsReadBackAndAMissingOneIsEmpty() {
        S3.stubFor(get(urlEqualTo("/recordings/calls/call_1.wav")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "audio/wav").withBody(WAV)));
        S3.stubFor(get(urlEqualTo("/recordings/calls/call_2.wav")).willReturn(aResponse().withStatus(404)
                .withBody("<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>")));

        assertThat(store.find("call_1")).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(WAV));
        assertThat(store.find("call_2")).isEmpty();
    }

    @Test
    void theStoreIsChosenByItsSettingAndRefusesToStartWithoutWhatItNeeds() {
        RecordingStoreConfiguration configuration = new RecordingStoreConfiguration();
        JdbcTemplate jdbc = new JdbcTemplate();
        RecordingStoreProperties.S3 none = new RecordingStoreProperties.S3(null, "calls/", "eu-west-1", null, false, null, null);

        assertThat(configuration.recordingStore(new RecordingStoreProperties("postgres", none), jdbc)).isInstanceOf(PostgresRecordingStore.class);
        assertThat(configuration.recordingStore(new RecordingStoreProperties("s3", settings("recordings", "AKIATEST", "secret")), jdbc))
                .isInstanceOf(S3RecordingStore.class);
        assertThatThrownBy(() -> configuration.recordingStore(new RecordingStoreProperties("s3", none), jdbc))
                .hasMessageContaining("outboundcalls.recordings.s3.bucket");
        assertThatThrownBy(() -> configuration.recordingStore(new RecordingStoreProperties("s3", settings("recordings", "AKIATEST", null)), jdbc))
                .hasMessageContaining("outboundcalls.recordings.s3.secret-access-key");
        assertThatThrownBy(() -> configuration.recordingStore(new RecordingStoreProperties("disk", none), jdbc))
                .hasMessageContaining("outboundcalls.recordings.store");
    }
}
