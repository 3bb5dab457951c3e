package io.outboundcalls.telephony.twilio;

import io.outboundcalls.telephony.llm.LlmProperties;
import java.util.LinkedHashMap;
import java.util.Map;

/** With {@code provider=twilio}, the settings without which no call could be placed or spoken: the start stops naming the first missing. */
final class RequiredSettings {

    private RequiredSettings() {
    }

    static void check(TwilioProperties twilio, LlmProperties llm) {
        Map<String, String> required = new LinkedHashMap<>();
        required.put("outboundcalls.telephony.twilio.account-sid", twilio.accountSid());
        required.put("outboundcalls.telephony.twilio.auth-token", twilio.authToken());
        required.put("outboundcalls.telephony.twilio.public-base-url", twilio.publicBaseUrl());
        required.put("outboundcalls.telephony.twilio.from-number", twilio.fromNumber());
        required.put("outboundcalls.llm.base-url", llm.baseUrl());
        required.put("outboundcalls.llm.model", llm.model());
        required.forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("Missing setting " + name + " (environment variable " + environmentName(name)
                        + "): required when outboundcalls.telephony.provider=twilio");
            }
        });
        if (twilio.apiKeySid() != null && !twilio.apiKeySid().isBlank() && (twilio.apiKeySecret() == null || twilio.apiKeySecret().isBlank())) {
            throw new IllegalStateException("Missing setting outboundcalls.telephony.twilio.api-key-secret (environment variable "
                    + environmentName("outboundcalls.telephony.twilio.api-key-secret") + "): required with api-key-sid");
        }
        String base = twilio.publicBaseUrl();
        if (!base.startsWith("https://") && !base.startsWith("http://")) {
            throw new IllegalStateException("Setting outboundcalls.telephony.twilio.public-base-url must be an http(s) URL, not '" + base + "'");
        }
    }

    static String environmentName(String setting) {
        return setting.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
