package io.outboundcalls.app;

import io.outboundcalls.app.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default mode as a new user runs it: no database configured, so the service starts its own
 * PostgreSQL in the data directory, creates a development account and writes its key (printed
 * once, at creation), and records purchases without charging anyone (saying so at start); stopped
 * and started again, it finds its data where it left it.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartInTheEmbeddedDataDirectory(CapturedOutput output) throws Exception {
        String agentId;
        String devKey;
        String encryptionKey;
        String consolePassword;
        Path encryptionKeyFile = dataDir.resolve("encryption-key");
        try (ConfigurableApplicationContext first = start()) {
            Path keyFile = dataDir.resolve("dev-api-key");
            assertThat(keyFile).exists();
            devKey = Files.readString(keyFile).trim();
            assertThat(output.getOut()).contains(devKey);
            // the console's development login, printed beside the key: one line "email password"
            Path loginFile = dataDir.resolve("dev-console-login");
            String[] login = Files.readString(loginFile).trim().split(" ");
            assertThat(login).hasSize(2);
            assertThat(output.getOut()).contains(login[0] + " " + login[1]);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(loginFile))).isEqualTo("rw-------");
            consolePassword = login[1];
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(encryptionKeyFile))).isEqualTo("rw-------");
            encryptionKey = Files.readString(encryptionKeyFile);
            ApiClient api = new ApiClient(url(first), devKey);
            ApiClient.Response created = api.post("/v1/agents", Map.of("name", "Survivor", "prompt", "Stay"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            agentId = created.json().path("id").asText();
            // development mode: purchases are recorded without charging, and the start said so
            ApiClient.Response bought = api.post("/v1/credits/purchase", Map.of("amount", 50));
            assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
            assertThat(bought.json().path("provider").asText()).isEqualTo("record_only");
            assertThat(output.getOut()).contains("WITHOUT CHARGING ANYONE");
            // no operator token configured: the operator API does not exist
            assertThat(new ApiClient(url(first), "anything").get("/admin/accounts/x").status()).isEqualTo(404);
        }
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();

        int firstRunOutput = output.getOut().length();
        try (ConfigurableApplicationContext second = start()) {
            assertThat(Files.readString(dataDir.resolve("dev-api-key")).trim()).isEqualTo(devKey);
            String secondRun = output.getOut().substring(firstRunOutput);
            assertThat(secondRun).doesNotContain(devKey).contains("Development API key: in " + dataDir.resolve("dev-api-key"));
            assertThat(secondRun).doesNotContain(consolePassword)
                    .contains("Development console login: in " + dataDir.resolve("dev-console-login"));
            assertThat(Files.readString(encryptionKeyFile)).isEqualTo(encryptionKey);
            ApiClient api = new ApiClient(url(second), devKey);
            ApiClient.Response read = api.get("/v1/agents/" + agentId);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().path("name").asText()).isEqualTo("Survivor");
        }
    }

    private ConfigurableApplicationContext start() {
        return SpringApplication.run(OutboundCallsApplication.class,
                "--server.port=0",
                "--outboundcalls.data-dir=" + dataDir,
                "--spring.datasource.url=",
                "--outboundcalls.admin-token=",
                "--spring.jmx.enabled=false");
    }

    private static String url(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
