package io.outboundcalls.telephony.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The vectors of twilio-java's RequestValidatorTest, so our few lines agree with Twilio's validator. */
class TwilioSignatureTest {

    private static final TwilioSignature VALIDATOR = new TwilioSignature("12345");
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, List<String>> PARAMS = Map.of(
            "Digits", List.of("1234"), "CallSid", List.of("CA1234567890ABCDE"), "To", List.of("+18005551212"),
            "Caller", List.of("+14158675309"), "From", List.of("+14158675309"));
    private static final String SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    @Test
    void acceptsTwiliosVector() {
        assertThat(VALIDATOR.sign(URL, PARAMS)).isEqualTo(SIGNATURE);
        assertThat(VALIDATOR.isValid(URL, PARAMS, SIGNATURE)).isTrue();
    }

    @Test
    void acceptsTheUrlWithTheDefaultPortWrittenOut() {
        assertThat(VALIDATOR.isValid("https://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS, SIGNATURE)).isTrue();
    }

    @Test
    void acceptsASignatureMadeOverTheUrlWithItsDefaultPort() {
        String signedWithPort = VALIDATOR.sign("https://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS);
        assertThat(VALIDATOR.isValid(URL, PARAMS, signedWithPort)).isTrue();
    }

    @Test
    void refusesAChangedParameterAnotherUrlAnotherTokenOrNoSignature() {
        Map<String, List<String>> changed = new java.util.HashMap<>(PARAMS);
        changed.put("Digits", List.of("1235"));
        assertThat(VALIDATOR.isValid(URL, changed, SIGNATURE)).isFalse();
        assertThat(VALIDATOR.isValid("https://mycompany.com/myapp.php?foo=1&bar=3", PARAMS, SIGNATURE)).isFalse();
        assertThat(new TwilioSignature("54321").isValid(URL, PARAMS, SIGNATURE)).isFalse();
        assertThat(VALIDATOR.isValid(URL, PARAMS, null)).isFalse();
        assertThat(VALIDATOR.isValid(URL, PARAMS, "")).isFalse();
    }

    @Test
    void aJsonBodyIsCoveredByItsHashInTheSignedUrl() {
        byte[] body = "{\"property\": \"value\", \"boolean\": true}".getBytes(StandardCharsets.UTF_8);
        String url = "https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=" + TwilioSignature.sha256Hex(body);
        String signature = VALIDATOR.sign(url, Map.of());
        assertThat(VALIDATOR.isValidJson(url, body, signature)).isTrue();
        assertThat(VALIDATOR.isValidJson(url, "{}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    }

    @Test
    void otherPortFormAddsOrRemovesOnlyTheDefaultPort() {
        assertThat(TwilioSignature.withOtherPortForm("wss://example.com/relay")).isEqualTo("wss://example.com:443/relay");
        assertThat(TwilioSignature.withOtherPortForm("http://example.com:80/a?b=c")).isEqualTo("http://example.com/a?b=c");
        assertThat(TwilioSignature.withOtherPortForm("http://example.com:8080/a")).isEqualTo("http://example.com:8080/a");
    }
}
