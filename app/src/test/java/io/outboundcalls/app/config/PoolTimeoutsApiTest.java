package io.outboundcalls.app.config;

import com.zaxxer.hikari.HikariDataSource;
import io.outboundcalls.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The pool Spring Boot builds for {@code spring.datasource.url} (the tests' database) is bounded like the embedded one. */
class PoolTimeoutsApiTest extends ApiTest {

    @Autowired
    DataSource dataSource;

    @Test
    void anExternalDatabasesPoolCarriesTheConnectionStatementAndSocketTimeouts() throws Exception {
        assertThat(dataSource).isInstanceOf(HikariDataSource.class);
        assertThat(((HikariDataSource) dataSource).getConnectionTimeout()).isEqualTo(3000);
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW statement_timeout")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("5s");
            assertThat(connection.getNetworkTimeout()).isEqualTo(7000);
        }
    }

    @Test
    void readinessIsUpWhileTheDatabaseAnswers() {
        assertThat(anonymous().get("/health/readiness").status()).isEqualTo(200);
    }
}
