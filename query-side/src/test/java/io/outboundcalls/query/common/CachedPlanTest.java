package io.outboundcalls.query.common;

import io.outboundcalls.query.support.ReadModelDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookups a projection runs on every event keep reading one row when their table grows after the
 * connection cached their plan, as it does when a service starts on empty tables: PostgreSQL plans a
 * prepared statement once it has run it a few times, and keeps the plan until the table is analyzed.
 * Each test contrasts the statement we use with the one it replaced, which reads the whole account.
 */
class CachedPlanTest {

    private static final int ROWS = 3_000;

    private final String table = "public.plan_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private SingleConnectionDataSource connection;
    private JdbcTemplate jdbc;

    @BeforeEach
    void oneConnectionAndAnEmptyTable() throws SQLException {
        // one connection, as a pooled one is: its prepared statements and their plans live as long as it does
        connection = new SingleConnectionDataSource(ReadModelDatabase.jdbc().getDataSource().getConnection(), true);
        jdbc = new JdbcTemplate(connection);
        // the calls read model's columns and indexes, where a dialer run measured the hazard
        jdbc.execute("create table " + table + " (like query.calls including all)");
    }

    @AfterEach
    void dropTheTable() {
        jdbc.execute("drop table " + table);
        connection.destroy();
    }

    @Test
    void aRowOfAnAccountIsFoundByItsKeyAlone() {
        String byKey = "select id, account_id from " + table + " where id = ?";
        String byKeyAndAccount = "select id, account_id from " + table + " where id = ? and account_id = ?";
        for (int i = 0; i < 12; i++) {
            AccountRows.find(jdbc, byKey, (rs, n) -> rs.getString(2), "none", "acct_a", account -> account);
            jdbc.queryForList(byKeyAndAccount, "none", "acct_a");
        }
        fillOneAccount();

        long ours = tuplesRead(() -> assertThat(AccountRows.find(jdbc, byKey, (rs, n) -> rs.getString(2), "row_7",
                "acct_a", account -> account)).contains("acct_a"));
        long replaced = tuplesRead(() -> assertThat(jdbc.queryForList(byKeyAndAccount, "row_7", "acct_a")).hasSize(1));

        assertThat(ours).isLessThanOrEqualTo(2);
        assertThat(replaced).as("the statement it replaced, planned on the empty table").isGreaterThan(ROWS / 2);
        assertThat(AccountRows.find(jdbc, byKey, (rs, n) -> rs.getString(2), "row_7", "acct_b", account -> account))
                .as("another account's row").isEmpty();
    }

    @Test
    void aStoredJsonWriteUpdatesItsRowsByKey() {
        String byKey = "update " + table + " set api_json = ? where id = ? and version = ?";
        String joined = "update " + table + " t set api_json = r.json from unnest(?::text[], ?::text[], ?::text[])"
                + " as r(id, version, json) where t.id = r.id and t.version = r.version::bigint";
        for (int i = 0; i < 12; i++) {
            jdbc.batchUpdate(byKey, List.<Object[]>of(new Object[]{"{}", "none", 0L}));
            jdbc.update(joined, new String[]{"none"}, new String[]{"0"}, new String[]{"{}"});
        }
        fillOneAccount();

        long ours = tuplesRead(() -> assertThat(jdbc.batchUpdate(byKey, List.<Object[]>of(
                new Object[]{"{}", "row_7", 0L}, new Object[]{"{}", "row_8", 0L}))).containsExactly(1, 1));
        long replaced = tuplesRead(() -> assertThat(jdbc.update(joined, new String[]{"row_9"}, new String[]{"0"},
                new String[]{"{}"})).isEqualTo(1));

        assertThat(ours).isLessThanOrEqualTo(4);
        assertThat(replaced).as("the statement it replaced, planned on the empty table").isGreaterThan(ROWS / 2);
    }

    private void fillOneAccount() {
        jdbc.update("insert into " + table + " (id, account_id, campaign_id, agent_id, contact_id, to_number, attempt,"
                + " status, queued_at, created_at, updated_at, version) select 'row_' || n, 'acct_a', 'campaign_a',"
                + " 'agent_a', 'contact_' || n, '+15550100', 1, 'completed', now(), now(), now(), 0"
                + " from generate_series(1, ?) n", ROWS);
    }

    /** Rows the table gave out (by sequential or index scans) while {@code work} ran on this connection. */
    private long tuplesRead(Runnable work) {
        long before = counters();
        work.run();
        return counters() - before;
    }

    private long counters() {
        jdbc.execute("select pg_stat_force_next_flush()");
        jdbc.execute("select pg_stat_clear_snapshot()");
        Long read = jdbc.queryForObject("select coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)"
                + " from pg_stat_user_tables where relid = ?::regclass", Long.class, table);
        return read == null ? 0 : read;
    }
}
