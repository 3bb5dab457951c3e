package io.outboundcalls.telephony.twilio;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this service reaches Twilio and how Twilio reaches it (names fixed by the operator contract).
 *
 * @param accountSid    {@code AC…}, part of every REST path
 * @param authToken     signs Twilio's requests to us ({@code X-Twilio-Signature}); REST credentials when no API key is set
 * @param apiKeySid     preferred REST credentials ({@code SK…}), with {@code apiKeySecret}
 * @param apiBaseUrl    Twilio's REST root; tests point it at a local fake
 * @param publicBaseUrl the URL at which Twilio reaches this service: callback and relay URLs are built from it and
 *                      signatures are checked against it, never against the Host a request arrived with
 * @param fromNumber    the caller id when a campaign has no {@code from_number}
 */
@ConfigurationProperties("outboundcalls.telephony.twilio")
public record TwilioProperties(String accountSid, String authToken, String apiKeySid, String apiKeySecret,
                               @DefaultValue("https://api.twilio.com") String apiBaseUrl, String publicBaseUrl,
                               String fromNumber) {
}
