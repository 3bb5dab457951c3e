package io.outboundcalls.app.config;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class DatabaseTimeoutsTest {

    private final DatabaseTimeouts timeouts = new DatabaseTimeouts(
            new DatabaseProperties(Duration.ofSeconds(10), Duration.ofMillis(12_500), Duration.ofSeconds(2)));

    @Test
    void theEmbeddedPoolHonoursSpringDatasourceHikariSettings() {
        EmbeddedPostgres postgres = mock(EmbeddedPostgres.class);
        when(postgres.getJdbcUrl("postgres", "postgres")).thenReturn("jdbc:postgresql://localhost:5999/postgres");
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.hikari.maximum-pool-size", "7")
                .withProperty("spring.datasource.hikari.connection-timeout", "1500")
                .withProperty("spring.datasource.hikari.validation-timeout", "800")
                .withProperty("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true");

        try (HikariDataSource pool = new EmbeddedDatabaseConfiguration().dataSource(postgres, environment)) {
            assertThat(pool.getMaximumPoolSize()).isEqualTo(7);
            assertThat(pool.getConnectionTimeout()).isEqualTo(1500);
            assertThat(pool.getValidationTimeout()).isEqualTo(800);
            assertThat(pool.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
            assertThat(pool.getJdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5999/postgres");
            assertThat(pool.getPoolName()).isEqualTo("embedded");
        }
    }

    @Test
    void everyPoolGetsTheSocketAndStatementTimeoutsBesideItsOwnOptions() {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.addDataSourceProperty("options", "-c search_path=query");

            timeouts.postProcessAfterInitialization(pool, "dataSource");

            assertThat(pool.getDataSourceProperties())
                    .containsEntry("socketTimeout", "13")
                    .containsEntry("options", "-c search_path=query -c statement_timeout=10000");
        }
    }

    @Test
    void migrationsRunWithoutTheTimeouts() {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:postgresql://localhost:5999/postgres");
            pool.addDataSourceProperty("reWriteBatchedInserts", "true");
            timeouts.apply(pool);

            assertThat(timeouts.withoutTimeouts(pool)).isInstanceOf(DriverDataSource.class)
                    .extracting("driverProperties", InstanceOfAssertFactories.type(Properties.class))
                    .satisfies(properties -> assertThat(properties)
                            .containsEntry("reWriteBatchedInserts", "true")
                            .doesNotContainKeys("socketTimeout", "options"));
        }
    }
}
