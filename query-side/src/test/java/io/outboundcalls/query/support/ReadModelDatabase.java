package io.outboundcalls.query.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One embedded PostgreSQL per test JVM with this module's migrations (the read models' tables):
 * projections are built as plain objects on a {@link JdbcTemplate} and fed events by hand.
 * Tests isolate themselves by ids of their own.
 */
public final class ReadModelDatabase {

    private static JdbcTemplate jdbc;

    private ReadModelDatabase() {
    }

    public static synchronized JdbcTemplate jdbc() {
        if (jdbc == null) {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
                Flyway.configure().dataSource(postgres.getPostgresDatabase())
                        .locations("classpath:db/migration/query-side").load().migrate();
                jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
        }
        return jdbc;
    }
}
