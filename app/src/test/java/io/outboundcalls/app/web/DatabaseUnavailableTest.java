package io.outboundcalls.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTest {

    @Test
    void anExhaustedPoolWrappedByTheQueryGatewayIsUnavailability() {
        Throwable failure = new CompletionException(new QueryExecutionException("query failed",
                new CannotGetJdbcConnectionException("no connection",
                        new SQLTransientConnectionException("embedded - Connection is not available, request timed out after 3000ms"))));
        assertThat(DatabaseUnavailable.isCause(failure)).isTrue();
    }

    @Test
    void aTransactionThatCouldNotStartInsideACommandIsUnavailability() {
        Throwable failure = new CommandExecutionException("command failed",
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                        new SQLTransientConnectionException("timed out")));
        assertThat(DatabaseUnavailable.isCause(failure)).isTrue();
    }

    @Test
    void aStatementCancelledByTheStatementTimeoutIsUnavailability() {
        Throwable failure = new DataAccessResourceFailureException("select",
                new PSQLException("canceling statement due to statement timeout", PSQLState.QUERY_CANCELED));
        assertThat(DatabaseUnavailable.isCause(failure)).isTrue();
    }

    @Test
    void aBrokenConnectionIsUnavailabilityEvenWhenItsRollbackFailureHidesIt() {
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(
                new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE));
        assertThat(DatabaseUnavailable.isCause(new CompletionException(rollbackFailed))).isTrue();
    }

    @Test
    void refusalsOfTheStatementItselfAreNot() {
        assertThat(DatabaseUnavailable.isCause(new DuplicateKeyException("duplicate",
                new PSQLException("duplicate key value", PSQLState.UNIQUE_VIOLATION)))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new DataIntegrityViolationException("too long",
                new SQLException("index row size exceeds maximum", "54000")))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void aCauseCycleEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(DatabaseUnavailable.isCause(first)).isFalse();
    }

    @Test
    void theExceptionHandlerAnswers503WithRetryAfterAndNoInternals() {
        ApiExceptionHandler handler = new ApiExceptionHandler(new ProblemWriter(new ObjectMapper()));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/agents");

        ResponseEntity<Object> answer = handler.unexpected(new CompletionException(new QueryExecutionException("failed",
                new CannotGetJdbcConnectionException("no connection", new SQLTransientConnectionException("timed out")))), request);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) answer.getBody();
        assertThat(body).containsEntry("code", "service_unavailable").containsEntry("status", 503);
        assertThat(body.get("detail").toString()).doesNotContain("Connection", "Exception", "timed out");

        assertThat(handler.unexpected(new IllegalStateException("a bug"), request).getStatusCode().value()).isEqualTo(500);
    }
}
