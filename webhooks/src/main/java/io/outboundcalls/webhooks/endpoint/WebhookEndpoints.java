package io.outboundcalls.webhooks.endpoint;

import io.outboundcalls.webhooks.WebhookProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The endpoint registry: one row per endpoint, always read and written for one account. */
@Component
public class WebhookEndpoints {

    /** For keyset pagination ({@code id} is time-ordered); the secret column is blanked out. */
    public static final String SELECT = "select id, account_id, url, description, enabled_events, status, null, "
            + "created_at, updated_at from webhooks.endpoints";
    public static final RowMapper<WebhookEndpoint> MAPPER = (rs, i) -> new WebhookEndpoint(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getString(4), strings(rs.getArray(5)), rs.getString(6),
            rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant());

    /** What a PATCH changes; null leaves a field as it is ({@code clearDescription} removes it). */
    public record Changes(String url, String description, boolean clearDescription, List<String> enabledEvents,
                          String status) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final WebhookProperties properties;

    WebhookEndpoints(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, WebhookProperties properties) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
    }

    public WebhookEndpoint create(String id, String accountId, String url, String description, List<String> enabledEvents) {
        String secret = WebhookSecrets.newSecret();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into webhooks.endpoints (id, account_id, url, description, enabled_events, status, secret,
                    created_at, updated_at) values (?, ?, ?, ?, ?, 'enabled', ?, ?, ?)""",
                id, accountId, url, description, enabledEvents.toArray(String[]::new), secret, now, now);
        return find(accountId, id).map(e -> withSecret(e, secret)).orElseThrow();
    }

    public Optional<WebhookEndpoint> find(String accountId, String id) {
        return jdbc.query(SELECT + " where id = ? and account_id = ?", MAPPER, id, accountId).stream().findFirst();
    }

    public Optional<WebhookEndpoint> update(String accountId, String id, Changes changes) {
        return transactions.execute(tx -> {
            Optional<WebhookEndpoint> current = jdbc.query(SELECT + " where id = ? and account_id = ? for update",
                    MAPPER, id, accountId).stream().findFirst();
            if (current.isEmpty()) {
                return Optional.<WebhookEndpoint>empty();
            }
            List<String> sets = new ArrayList<>(List.of("updated_at = now()"));
            List<Object> args = new ArrayList<>();
            if (changes.url() != null) {
                sets.add("url = ?");
                args.add(changes.url());
            }
            if (changes.clearDescription() || changes.description() != null) {
                sets.add("description = ?");
                args.add(changes.description());
            }
            if (changes.enabledEvents() != null) {
                sets.add("enabled_events = ?");
                args.add(changes.enabledEvents().toArray(String[]::new));
            }
            if (changes.status() != null && !changes.status().equals(current.get().status())) {
                sets.add("status = ?");
                args.add(changes.status());
                sets.add("failing_since = null"); // re-enabled: the failure clock starts again
            }
            args.add(id);
            jdbc.update("update webhooks.endpoints set " + String.join(", ", sets) + " where id = ?", args.toArray());
            if (WebhookEndpoint.DISABLED.equals(changes.status())) {
                failPendingDeliveries(id, "endpoint disabled");
            }
            return find(accountId, id);
        });
    }

    public boolean delete(String accountId, String id) {
        return jdbc.update("delete from webhooks.endpoints where id = ? and account_id = ?", id, accountId) == 1;
    }

    /** A new secret; the previous one keeps signing alongside it for {@code secret-overlap}. */
    public Optional<WebhookEndpoint> rollSecret(String accountId, String id) {
        String secret = WebhookSecrets.newSecret();
        int updated = jdbc.update("""
                update webhooks.endpoints set previous_secret = secret, previous_secret_expires_at = ?, secret = ?,
                    updated_at = now() where id = ? and account_id = ?""",
                Timestamp.from(Instant.now().plus(properties.secretOverlap())), secret, id, accountId);
        return updated == 0 ? Optional.empty() : find(accountId, id).map(e -> withSecret(e, secret));
    }

    /**
     * Stops deliveries to an endpoint (a 410, or failing too long). Its pending deliveries become
     * {@code failed}, so they show in the log and can be resent once the endpoint is enabled again.
     */
    public void disable(String id, String reason) {
        transactions.executeWithoutResult(tx -> {
            jdbc.update("update webhooks.endpoints set status = 'disabled', updated_at = now() where id = ?", id);
            failPendingDeliveries(id, reason);
        });
    }

    private void failPendingDeliveries(String endpointId, String reason) {
        jdbc.update("""
                update webhooks.deliveries set status = 'failed', next_attempt_at = null, last_error = ?
                where endpoint_id = ? and status = 'pending'""", reason, endpointId);
    }

    private static WebhookEndpoint withSecret(WebhookEndpoint e, String secret) {
        return new WebhookEndpoint(e.id(), e.accountId(), e.url(), e.description(), e.enabledEvents(), e.status(),
                secret, e.createdAt(), e.updatedAt());
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
