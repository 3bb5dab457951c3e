package io.outboundcalls.telephony.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.platform.Json;
import org.junit.jupiter.api.Test;

class RelayFramesTest {

    @Test
    void readsSetupWithItsCustomParametersIgnoringUnknownFields() {
        RelayFrame frame = RelayFrames.parse("{\"type\":\"setup\",\"sessionId\":\"VX1\",\"callSid\":\"CA1\",\"accountSid\":\"AC1\","
                + "\"from\":\"+1500\",\"to\":\"+1600\",\"direction\":\"outbound-api\",\"somethingNew\":{\"a\":1},"
                + "\"customParameters\":{\"call_id\":\"call_abc\"}}");
        assertThat(frame).isEqualTo(new RelayFrame.Setup("VX1", "CA1", java.util.Map.of("call_id", "call_abc")));
    }

    @Test
    void readsPromptsAndTheirLastFlag() {
        assertThat(RelayFrames.parse("{\"type\":\"prompt\",\"voicePrompt\":\"Hi\",\"lang\":\"en-US\",\"last\":true}"))
                .isEqualTo(new RelayFrame.Prompt("Hi", true));
        assertThat(RelayFrames.parse("{\"type\":\"prompt\",\"voicePrompt\":\"H\",\"last\":false}"))
                .isEqualTo(new RelayFrame.Prompt("H", false));
    }

    @Test
    void readsTheInterruptDurationAsANumberOrANumericString() {
        assertThat(RelayFrames.parse("{\"type\":\"interrupt\",\"utteranceUntilInterrupt\":\"Hello th\",\"durationUntilInterruptMs\":740}"))
                .isEqualTo(new RelayFrame.Interrupt("Hello th", 740));
        assertThat(RelayFrames.parse("{\"type\":\"interrupt\",\"utteranceUntilInterrupt\":\"Hello\",\"durationUntilInterruptMs\":\"512\"}"))
                .isEqualTo(new RelayFrame.Interrupt("Hello", 512));
        assertThat(RelayFrames.parse("{\"type\":\"interrupt\",\"utteranceUntilInterrupt\":\"\",\"durationUntilInterruptMs\":\"soon\"}"))
                .isEqualTo(new RelayFrame.Interrupt("", 0));
    }

    @Test
    void readsDtmfErrorsAndUnknownTypes() {
        assertThat(RelayFrames.parse("{\"type\":\"dtmf\",\"digit\":\"5\"}")).isEqualTo(new RelayFrame.Dtmf("5"));
        assertThat(RelayFrames.parse("{\"type\":\"error\",\"description\":\"Invalid message\"}")).isEqualTo(new RelayFrame.Error("Invalid message"));
        assertThat(RelayFrames.parse("{\"type\":\"info\"}")).isEqualTo(new RelayFrame.Other("info"));
    }

    @Test
    void refusesTextThatIsNoFrame() {
        assertThatThrownBy(() -> RelayFrames.parse("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RelayFrames.parse("{\"voicePrompt\":\"x\"}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesTextAndEndFrames() throws Exception {
        JsonNode text = Json.MAPPER.readTree(RelayFrames.text("Hi \"there\"", false));
        assertThat(text.path("type").asText()).isEqualTo("text");
        assertThat(text.path("token").asText()).isEqualTo("Hi \"there\"");
        assertThat(text.path("last").asBoolean()).isFalse();
        JsonNode end = Json.MAPPER.readTree(RelayFrames.end("transfer", "transfer", "+15005550001"));
        JsonNode handoff = Json.MAPPER.readTree(end.path("handoffData").asText());
        assertThat(handoff.path("action").asText()).isEqualTo("transfer");
        assertThat(handoff.path("transfer_number").asText()).isEqualTo("+15005550001");
    }

    @Test
    void textFramesAreTheBytesJacksonWritesForAnyToken() {
        for (String token : new String[] {"", " can", "Hi \"there\"", "back\\slash", "tab\tnew\nline\r", "\u0000\u001f\u007f",
                "caf\u00e9 \u20ac \ud83d\ude00", "</script>", "\u2028\u2029"}) {
            for (boolean last : new boolean[] {false, true}) {
                String jackson = Json.MAPPER.createObjectNode().put("type", "text").put("token", token).put("last", last).toString();
                assertThat(RelayFrames.text(token, last)).as(token).isEqualTo(jackson);
            }
        }
    }

    @Test
    void theRelayUrlIsThePublicUrlWithAWebsocketScheme() {
        assertThat(RelayConfiguration.relayUrl("https://calls.example.com/")).isEqualTo("wss://calls.example.com/telephony/twilio/relay");
        assertThat(RelayConfiguration.relayUrl("http://127.0.0.1:8080")).isEqualTo("ws://127.0.0.1:8080/telephony/twilio/relay");
    }
}
