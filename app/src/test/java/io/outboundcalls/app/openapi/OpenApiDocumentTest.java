package io.outboundcalls.app.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document is the checked-in docs/openapi.json, from which the build generates
 * the client that {@link GeneratedClientApiTest} uses. When this fails after a change to the API,
 * copy target/openapi.json (written by this test) over docs/openapi.json.
 */
class OpenApiDocumentTest extends ApiTest {

    static final Path CHECKED_IN = Path.of("..", "docs", "openapi.json");
    private static final Path SERVED = Path.of("target", "openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theServedDocumentIsTheCheckedInOne() throws IOException {
        JsonNode served = served();
        Files.writeString(SERVED, JSON.writeValueAsString(served) + "\n");
        assertThat(JSON.readTree(CHECKED_IN.toFile()))
                .as("docs/openapi.json differs from the served document; copy %s over it", SERVED.toAbsolutePath())
                .isEqualTo(served);
    }

    @Test
    void everyOperationHasAMeaningfulIdATagAndProblemResponses() {
        JsonNode paths = served().path("paths");
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = op.getValue();
            String id = operation.path("operationId").asText();
            if (!ids.add(id) || id.matches(".*_\\d+$") || id.isEmpty()) {
                problems.add(where + ": operationId '" + id + "'");
            }
            if (operation.path("tags").isEmpty()) {
                problems.add(where + ": no tag");
            }
            JsonNode responses = operation.path("responses");
            for (String status : List.of("401", "429")) {
                if (!responses.path(status).path("content").has("application/problem+json")) {
                    problems.add(where + ": no problem+json " + status);
                }
            }
            boolean writes = op.getKey().equals("post") || op.getKey().equals("patch");
            boolean takesBody = !path.getKey().matches(".*/(start|pause|resume|cancel|roll_secret|resend|hang_up)$");
            if (writes && takesBody && !operation.has("requestBody")) {
                problems.add(where + ": no request body");
            }
        }));
        assertThat(problems).isEmpty();
    }

    @Test
    void describesTheBearerSchemeAndPagination() {
        JsonNode doc = served();
        assertThat(doc.at("/components/securitySchemes/apiKey/scheme").asText()).isEqualTo("bearer");
        JsonNode listCalls = doc.at("/paths/~1v1~1calls/get");
        assertThat(listCalls.path("operationId").asText()).isEqualTo("listCalls");
        assertThat(listCalls.path("parameters").findValuesAsText("name"))
                .contains("limit", "starting_after", "ending_before", "created_gte", "created_lt", "campaign_id", "status");
        assertThat(doc.at("/paths/~1v1~1campaigns/post/operationId").asText()).isEqualTo("createCampaign");
        assertThat(doc.at("/paths/~1v1~1campaigns/post/requestBody/content/application~1json/examples").isEmpty()).isFalse();
        assertThat(doc.at("/components/schemas/Problem/properties").has("request_id")).isTrue();
    }

    private JsonNode served() {
        ApiClient.Response response = anonymous().get("/v1/openapi.json");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }
}
