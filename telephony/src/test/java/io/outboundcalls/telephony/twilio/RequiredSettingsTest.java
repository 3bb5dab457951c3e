package io.outboundcalls.telephony.twilio;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outboundcalls.telephony.llm.LlmProperties;
import org.junit.jupiter.api.Test;

class RequiredSettingsTest {

    private static final LlmProperties LLM = new LlmProperties("http://127.0.0.1:11434/v1", null, "llama3.1");

    @Test
    void aCompleteConfigurationPasses() {
        assertThatCode(() -> RequiredSettings.check(TwilioFixtures.PROPERTIES, LLM)).doesNotThrowAnyException();
    }

    @Test
    void eachMissingSettingIsNamed() {
        assertThatThrownBy(() -> RequiredSettings.check(twilio(null, "t", "https://x", "+15005550006"), LLM))
                .hasMessageContaining("outboundcalls.telephony.twilio.account-sid").hasMessageContaining("OUTBOUNDCALLS_TELEPHONY_TWILIO_ACCOUNT_SID");
        assertThatThrownBy(() -> RequiredSettings.check(twilio("AC1", " ", "https://x", "+15005550006"), LLM))
                .hasMessageContaining("outboundcalls.telephony.twilio.auth-token");
        assertThatThrownBy(() -> RequiredSettings.check(twilio("AC1", "t", null, "+15005550006"), LLM))
                .hasMessageContaining("outboundcalls.telephony.twilio.public-base-url");
        assertThatThrownBy(() -> RequiredSettings.check(twilio("AC1", "t", "https://x", null), LLM))
                .hasMessageContaining("outboundcalls.telephony.twilio.from-number");
        assertThatThrownBy(() -> RequiredSettings.check(TwilioFixtures.PROPERTIES, new LlmProperties(null, null, "m")))
                .hasMessageContaining("outboundcalls.llm.base-url");
        assertThatThrownBy(() -> RequiredSettings.check(TwilioFixtures.PROPERTIES, new LlmProperties("http://x/v1", null, "")))
                .hasMessageContaining("outboundcalls.llm.model");
    }

    @Test
    void anApiKeyNeedsItsSecretAndThePublicUrlMustBeHttp() {
        assertThatThrownBy(() -> RequiredSettings.check(new TwilioProperties("AC1", "t", "SK1", null, "https://api.twilio.com",
                "https://x", "+15005550006"), LLM)).hasMessageContaining("api-key-secret");
        assertThatThrownBy(() -> RequiredSettings.check(twilio("AC1", "t", "calls.example.com", "+1"), LLM))
                .hasMessageContaining("public-base-url");
    }

    private static TwilioProperties twilio(String sid, String token, String publicUrl, String from) {
        return new TwilioProperties(sid, token, null, null, "https://api.twilio.com", publicUrl, from);
    }
}
