package io.outboundcalls.app.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;

/** Bounded waits on the database, whichever pool the service runs on (see {@link DatabaseProperties}). */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** Static and bound by hand: a post-processor is created before the beans it processes. */
    @Bean
    static DatabaseTimeouts databaseTimeouts(Environment environment) {
        return new DatabaseTimeouts(Binder.get(environment).bindOrCreate("outboundcalls.database", DatabaseProperties.class));
    }

    @Bean
    FlywayConfigurationCustomizer migrationsWithoutTimeouts(DataSource dataSource, DatabaseTimeouts timeouts) {
        return flyway -> {
            if (dataSource instanceof HikariDataSource pool) {
                flyway.dataSource(timeouts.withoutTimeouts(pool));
            }
        };
    }
}
