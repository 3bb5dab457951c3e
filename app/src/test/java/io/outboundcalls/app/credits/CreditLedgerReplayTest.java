package io.outboundcalls.app.credits;

import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.app.web.ReadYourWrites;
import io.outboundcalls.command.credits.CreditAccountIds;
import io.outboundcalls.command.credits.DebitCreditsCommand;
import io.outboundcalls.command.credits.ReserveCreditsCommand;
import io.outboundcalls.query.credits.CreditLedgerProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rebuilding the ledger from the event store gives back exactly the same rows, ids included. */
class CreditLedgerReplayTest extends ApiTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ReadYourWrites readYourWrites;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void replayingTheLedgerRebuildsIdenticalRows() {
        ApiClient.Response created = admin().post("/admin/accounts", Map.of("name", "Replay", "tier", "enterprise"));
        String accountId = created.json().path("id").asText();
        ApiClient api = new ApiClient(baseUrl(), created.json().path("api_key").path("secret").asText());
        String creditAccountId = CreditAccountIds.of(accountId);
        assertThat(api.post("/v1/credits/purchase", Map.of("amount", 1000)).status()).isEqualTo(201);
        for (int i = 0; i < 20; i++) {
            commands.sendAndWait(new ReserveCreditsCommand(creditAccountId, accountId, "r" + i, 50, "camp_1", "call_" + i));
            commands.sendAndWait(new DebitCreditsCommand(creditAccountId, accountId, "r" + i, i * 7L, "call_" + i,
                    "camp_1", "agent_1"));
        }
        assertThat(admin().post("/admin/accounts/" + accountId + "/credits/adjust",
                Map.of("amount", 25, "reason", "bonus")).status()).isEqualTo(201);
        assertThat(readYourWrites.await(CreditLedgerProjection.PROCESSING_GROUP, creditAccountId)).isTrue();
        List<Map<String, Object>> before = rows(accountId);
        assertThat(before).hasSize(1 + 20 * 3 + 1); // purchase, (reservation, charge, release) per call, adjustment

        StreamingEventProcessor ledger = processing
                .eventProcessor(CreditLedgerProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        ledger.shutDown();
        // rows that can only come back from the event store
        jdbc.update("delete from query.credit_ledger where account_id = ?", accountId);
        ledger.resetTokens();
        ledger.start();

        assertThat(readYourWrites.await(CreditLedgerProjection.PROCESSING_GROUP, creditAccountId)).as("replay caught up").isTrue();
        assertThat(rows(accountId)).isEqualTo(before);
    }

    private List<Map<String, Object>> rows(String accountId) {
        return jdbc.queryForList("select * from query.credit_ledger where account_id = ? order by seq", accountId);
    }
}
