package io.outboundcalls.app.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Properties;

/**
 * Puts {@link DatabaseProperties}' statement and socket timeouts on every Hikari pool, the embedded
 * one and the one Spring Boot builds for {@code spring.datasource.url} alike, as pgjdbc connection
 * properties (a {@code socketTimeout} or {@code options} in the URL itself takes precedence over them).
 */
final class DatabaseTimeouts implements BeanPostProcessor {

    private static final String SOCKET_TIMEOUT = "socketTimeout";
    private static final String OPTIONS = "options";

    private final DatabaseProperties properties;

    DatabaseTimeouts(DatabaseProperties properties) {
        this.properties = properties;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            apply(pool);
        }
        return bean;
    }

    void apply(HikariConfig pool) {
        if (!properties.socketTimeout().isZero()) {
            pool.addDataSourceProperty(SOCKET_TIMEOUT, Long.toString(ceilSeconds(properties.socketTimeout())));
        }
        if (!properties.statementTimeout().isZero()) {
            Object options = pool.getDataSourceProperties().get(OPTIONS);
            pool.addDataSourceProperty(OPTIONS, options == null ? statementTimeoutOption() : options + " " + statementTimeoutOption());
        }
    }

    /**
     * The pool's database without these timeouts, for Flyway: a migration (an index built on a large
     * table, a wait for another node's migration) may rightly take longer than any request should.
     */
    DataSource withoutTimeouts(HikariDataSource pool) {
        if (pool.getJdbcUrl() == null) {
            return pool;
        }
        Properties connection = new Properties();
        connection.putAll(pool.getDataSourceProperties());
        connection.remove(SOCKET_TIMEOUT);
        Object options = connection.get(OPTIONS);
        if (options != null) {
            String rest = options.toString().replace(statementTimeoutOption(), "").trim();
            if (rest.isEmpty()) {
                connection.remove(OPTIONS);
            } else {
                connection.put(OPTIONS, rest);
            }
        }
        return new DriverDataSource(pool.getJdbcUrl(), pool.getDriverClassName(), connection,
                pool.getUsername(), pool.getPassword());
    }

    private String statementTimeoutOption() {
        return "-c statement_timeout=" + properties.statementTimeout().toMillis();
    }

    private static long ceilSeconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
