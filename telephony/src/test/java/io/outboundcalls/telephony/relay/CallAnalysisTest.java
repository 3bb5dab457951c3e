package io.outboundcalls.telephony.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.events.agent.AnalysisField;
import io.outboundcalls.events.agent.AnalysisSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallAnalysisTest {

    private static final List<AnalysisField> FIELDS = List.of(
            new AnalysisField("interested", "boolean", "Wants the offer", List.of()),
            new AnalysisField("budget", "number", null, List.of()),
            new AnalysisField("next_step", "enum", null, List.of("call_back", "email", "none")),
            new AnalysisField("objection", "string", null, List.of()));
    private static final AnalysisSettings SETTINGS = new AnalysisSettings(true, FIELDS);

    @Test
    void theSchemaHasEveryFieldWithItsTypeNullableAndRequired() {
        JsonNode format = CallAnalysis.responseFormat(FIELDS).path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        JsonNode analysis = format.path("json_schema").path("schema").path("properties").path("analysis");
        assertThat(analysis.path("properties").path("interested").path("type").toString()).isEqualTo("[\"boolean\",\"null\"]");
        assertThat(analysis.path("properties").path("budget").path("type").toString()).isEqualTo("[\"number\",\"null\"]");
        assertThat(analysis.path("properties").path("next_step").path("enum").toString()).isEqualTo("[\"call_back\",\"email\",\"none\",null]");
        assertThat(analysis.path("required")).hasSize(4);
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
    }

    @Test
    void keepsOnlyValuesOfTheRightType() {
        CallAnalysis.Result result = CallAnalysis.read("call_1", SETTINGS, FIELDS,
                "{\"summary\":\" Talked about prices. \",\"analysis\":{\"interested\":\"yes\",\"budget\":1200,"
                        + "\"next_step\":\"fax\",\"objection\":\"too expensive\",\"invented\":1}}");
        assertThat(result.summary()).isEqualTo("Talked about prices.");
        assertThat(result.fields()).isEqualTo(Map.of("budget", 1200, "objection", "too expensive"));
    }

    @Test
    void keepsRightValuesAndLeavesNullsOut() {
        CallAnalysis.Result result = CallAnalysis.read("call_1", SETTINGS, FIELDS,
                "{\"summary\":\"Ok.\",\"analysis\":{\"interested\":true,\"budget\":null,\"next_step\":\"email\",\"objection\":null}}");
        assertThat(result.fields()).isEqualTo(Map.of("interested", true, "next_step", "email"));
    }

    @Test
    void anAnswerThatIsNotJsonGivesNothing() {
        assertThat(CallAnalysis.read("call_1", SETTINGS, FIELDS, "Sure! Here is the summary")).isEqualTo(CallAnalysis.Result.NONE);
    }

    @Test
    void noSummaryWhenTheAgentAsksForNone() {
        CallAnalysis.Result result = CallAnalysis.read("call_1", new AnalysisSettings(false, FIELDS), FIELDS,
                "{\"summary\":\"Ok.\",\"analysis\":{}}");
        assertThat(result.summary()).isNull();
    }
}
