package io.outboundcalls.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

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

    /** Points an application context at a database, before it starts (a context initializer's job). */
    public static void apply(ConfigurableApplicationContext context, Connection c) {
        TestPropertyValues.of("spring.datasource.url=" + c.url(), "spring.datasource.username=" + c.username(),
                "spring.datasource.password=" + c.password()).applyTo(context);
    }

    /** The shared test context's database: the one of {@link #get()}. */
    public static final class Shared implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            apply(context, get());
        }
    }

    /**
     * Another database on the same server, created when missing: for a second application context that
     * must not share the first one's data, such as one configured with another telephony provider (its
     * dialer would take over the other context's calls, as one cluster's nodes do).
     */
    public static synchronized Connection other(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("A database name of lower-case letters and underscores, not " + name);
        }
        Connection main = get();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(main.url(), main.username(), main.password());
             java.sql.Statement statement = db.createStatement()) {
            boolean exists;
            try (java.sql.ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                statement.execute("create database " + name);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name, e);
        }
        java.util.regex.Matcher url = java.util.regex.Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$").matcher(main.url());
        if (!url.matches()) {
            throw new IllegalStateException("Not a PostgreSQL JDBC URL: " + main.url());
        }
        return new Connection(url.group(1) + name + url.group(3), main.username(), main.password());
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
