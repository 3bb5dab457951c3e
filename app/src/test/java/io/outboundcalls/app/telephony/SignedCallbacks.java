package io.outboundcalls.app.telephony;

import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.telephony.twilio.TwilioSignature;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Posts Twilio's form callbacks as Twilio would: to the service, signed over the public URL. */
final class SignedCallbacks {

    private final ApiClient http;
    private final String publicBaseUrl;
    private final TwilioSignature signature = new TwilioSignature(TwilioModeTest.AUTH_TOKEN);

    SignedCallbacks(String serviceBaseUrl, String publicBaseUrl) {
        this.http = new ApiClient(serviceBaseUrl, null);
        this.publicBaseUrl = publicBaseUrl;
    }

    ApiClient.Response post(String path, String callId, Map<String, String> form) {
        String pathAndQuery = path + "?call_id=" + callId;
        Map<String, List<String>> params = new LinkedHashMap<>();
        form.forEach((name, value) -> params.put(name, List.of(value)));
        return post(pathAndQuery, form, signature.sign(publicBaseUrl + pathAndQuery, params));
    }

    /** {@code signatureHeader} null: no header at all. */
    ApiClient.Response post(String pathAndQuery, Map<String, String> form, String signatureHeader) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.baseUrl() + pathAndQuery)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signatureHeader != null) {
            request.header("X-Twilio-Signature", signatureHeader);
        }
        return http.sendRaw(request);
    }

    static Map<String, String> status(String callSid, String status, int sequence) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", "AC00000000000000000000000000000000");
        form.put("CallSid", callSid);
        form.put("CallStatus", status);
        form.put("SequenceNumber", String.valueOf(sequence));
        form.put("Direction", "outbound-api");
        return form;
    }
}
