package io.outboundcalls.webhooks.endpoint;

import io.outboundcalls.webhooks.WebhookProperties;
import io.outboundcalls.webhooks.crypto.SecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
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

    private static final Logger log = LoggerFactory.getLogger(WebhookEndpoints.class);

    /**
     * Endpoints per account, enabled or disabled: every event is written once per subscribed
     * endpoint, so the cap bounds how much work one account's event makes for the senders.
     */
    public static final int MAX_PER_ACCOUNT = 16;
    /** First key of the advisory lock that serializes one account's endpoint creations (the second is the account's hash). */
    private static final int CREATE_LOCK = 0x57484550;

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
    private final StoredSecrets secrets;

    WebhookEndpoints(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, WebhookProperties properties,
                     StoredSecrets secrets) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.secrets = secrets;
    }

    /**
     * Registers an endpoint, unless the account already has {@link #MAX_PER_ACCOUNT}. The count
     * and the insert run under a lock held for the account until commit, so concurrent creations
     * cannot both see room for one more.
     *
     * @throws TooManyEndpointsException when the account is at the cap
     */
    public WebhookEndpoint create(String id, String accountId, String url, String description, List<String> enabledEvents) {
        String secret = WebhookSecrets.newSecret();
        transactions.executeWithoutResult(tx -> {
            jdbc.query("select pg_advisory_xact_lock(?, hashtext(?))", (RowCallbackHandler) rs -> { },
                    CREATE_LOCK, accountId);
            Integer existing = jdbc.queryForObject("select count(*) from webhooks.endpoints where account_id = ?",
                    Integer.class, accountId);
            if (existing >= MAX_PER_ACCOUNT) {
                throw new TooManyEndpointsException(accountId, MAX_PER_ACCOUNT);
            }
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.update("""
                    insert into webhooks.endpoints (id, account_id, url, description, enabled_events, status, secret,
                        created_at, updated_at) values (?, ?, ?, ?, ?, 'enabled', ?, ?, ?)""",
                    id, accountId, url, description, enabledEvents.toArray(String[]::new), secrets.seal(id, secret),
                    now, now);
        });
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
                Timestamp.from(Instant.now().plus(properties.secretOverlap())), secrets.seal(id, secret), id, accountId);
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

    /**
     * Seals every signing secret not sealed with the current key: those stored in plain text before
     * secrets were encrypted at rest, and those sealed with a previous key after a rotation, so an
     * upgrade or a new key keeps every endpoint. Each row is replaced only if it still holds the value
     * read, so nodes starting together never seal a value twice.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void sealSecretsWithTheCurrentKey() {
        record Row(String id, String secret, String previous) {
        }
        String current = "v" + secrets.currentKeyVersion() + ":";
        List<Row> rows = jdbc.query("""
                select id, secret, previous_secret from webhooks.endpoints
                where left(secret, ?) <> ? or left(previous_secret, ?) <> ?""",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)),
                current.length(), current, current.length(), current);
        int sealed = 0;
        int unreadable = 0;
        for (Row row : rows) {
            try {
                sealed += jdbc.update("""
                        update webhooks.endpoints set secret = ?, previous_secret = ?
                        where id = ? and secret = ? and previous_secret is not distinct from ?""",
                        secrets.sealWithCurrentKey(row.id(), row.secret()),
                        secrets.sealWithCurrentKey(row.id(), row.previous()), row.id(), row.secret(), row.previous());
            } catch (SecretCipher.UnreadableException e) {
                unreadable++;
            }
        }
        if (sealed > 0) {
            log.info("Sealed the signing secrets of {} webhook endpoints with encryption key version {}", sealed,
                    secrets.currentKeyVersion());
        }
        if (unreadable > 0) {
            log.warn("The signing secrets of {} webhook endpoints open with no configured encryption key: configure "
                    + "the key that sealed them in outboundcalls.previous-encryption-keys, or roll their secrets", unreadable);
        }
    }

    private static WebhookEndpoint withSecret(WebhookEndpoint e, String secret) {
        return new WebhookEndpoint(e.id(), e.accountId(), e.url(), e.description(), e.enabledEvents(), e.status(),
                secret, e.createdAt(), e.updatedAt());
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
