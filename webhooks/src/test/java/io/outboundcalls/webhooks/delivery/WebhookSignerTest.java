package io.outboundcalls.webhooks.delivery;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.outboundcalls.webhooks.endpoint.WebhookSecrets;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our signatures checked by the independent Standard Webhooks library. */
class WebhookSignerTest {

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }

    @Test
    void signaturesVerifyWithTheStandardWebhooksLibrary() throws Exception {
        String secret = WebhookSecrets.newSecret();
        String body = "{\"id\":\"evt_1\",\"type\":\"contact.updated\",\"data\":{\"name\":\"Zoë\"}}";
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSigner.signatureHeader(List.of(secret), "evt_1", now, body);

        assertThat(signature).isEqualTo(new Webhook(secret).sign("evt_1", now, body));
        assertThatCode(() -> new Webhook(secret).verify(body, headers("evt_1", now, signature))).doesNotThrowAnyException();
        assertThatThrownBy(() -> new Webhook(secret).verify(body + " ", headers("evt_1", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(WebhookSecrets.newSecret()).verify(body, headers("evt_1", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void duringRotationEitherSecretVerifies() throws Exception {
        String current = WebhookSecrets.newSecret();
        String previous = WebhookSecrets.newSecret();
        long now = Instant.now().getEpochSecond();
        String header = WebhookSigner.signatureHeader(List.of(current, previous), "evt_2", now, "{}");

        assertThat(header.split(" ")).hasSize(2);
        new Webhook(current).verify("{}", headers("evt_2", now, header));
        new Webhook(previous).verify("{}", headers("evt_2", now, header));
    }

    @Test
    void secretsCarryAtLeast24RandomBytes() {
        String secret = WebhookSecrets.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(WebhookSecrets.key(secret)).hasSizeGreaterThanOrEqualTo(24);
        assertThat(WebhookSecrets.newSecret()).isNotEqualTo(secret);
    }
}
