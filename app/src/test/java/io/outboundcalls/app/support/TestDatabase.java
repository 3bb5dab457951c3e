package io.outboundcalls.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real PostgreSQL per test JVM, chosen once:
 * <ol>
 *   <li>{@code TEST_DATABASE_URL} (+ {@code TEST_DATABASE_USERNAME}/{@code _PASSWORD}): an external server;</li>
 *   <li>{@code -Dtest.db=testcontainers} with a Docker engine: Testcontainers' {@code postgres:17};</li>
 *   <li>otherwise (the default, no Docker needed): embedded PostgreSQL 17 in a temporary directory.</li>
 * </ol>
 */
public final class TestDatabase {

    public record Connection(String url, String username, String password) {
    }

    private static Connection connection;

    private TestDatabase() {
    }

    public static synchronized Connection get() {
        if (connection == null) {
            connection = start();
        }
        return connection;
    }

    public static void register(DynamicPropertyRegistry registry) {
        Connection c = get();
        registry.add("spring.datasource.url", c::url);
        registry.add("spring.datasource.username", c::username);
        registry.add("spring.datasource.password", c::password);
    }

    private static Connection start() {
        String external = System.getenv("TEST_DATABASE_URL");
        if (external != null && !external.isBlank()) {
            return new Connection(external, env("TEST_DATABASE_USERNAME", "postgres"), env("TEST_DATABASE_PASSWORD", ""));
        }
        if ("testcontainers".equals(System.getProperty("test.db"))) {
            return Testcontainers.start();
        }
        try {
            Path dir = Files.createTempDirectory("outboundcalls-test-pg");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL for tests", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    /** Kept in its own class so Testcontainers is only loaded when asked for. */
    private static final class Testcontainers {
        static Connection start() {
            var container = new org.testcontainers.containers.PostgreSQLContainer<>("postgres:17");
            container.start();
            return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
    }
}
