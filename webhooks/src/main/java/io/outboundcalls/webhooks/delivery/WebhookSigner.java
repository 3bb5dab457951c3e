package io.outboundcalls.webhooks.delivery;

import io.outboundcalls.webhooks.endpoint.WebhookSecrets;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Standard Webhooks signatures: {@code v1,} + base64 HMAC-SHA256 of {@code "{id}.{timestamp}.{body}"}
 * keyed with the decoded secret. With two valid secrets (during a roll) the header carries both,
 * space-separated, so receivers verify with either.
 */
final class WebhookSigner {

    private WebhookSigner() {
    }

    static String signatureHeader(List<String> secrets, String webhookId, long timestamp, String body) {
        return secrets.stream().map(secret -> sign(secret, webhookId, timestamp, body)).collect(Collectors.joining(" "));
    }

    static String sign(String secret, String webhookId, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WebhookSecrets.key(secret), "HmacSHA256"));
            byte[] digest = mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
