package io.outboundcalls.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The answer to a request that needed the database while it could not answer (unreachable, frozen,
 * shutting down, out of connections): {@code 503 service_unavailable} with {@code Retry-After}.
 * The pool's connection timeout and the statement and socket timeouts (see the README's
 * Configuration) make such a failure come within seconds.
 *
 * <p>Public for code outside Spring MVC that reads the database, such as an authentication filter's
 * API-key lookup: catch the failure, and if {@link #isCause(Throwable)} holds, answer with
 * {@link #write} instead of a 401 or 500.
 */
public final class DatabaseUnavailable {

    public static final String CODE = "service_unavailable";
    /** About what a PostgreSQL restart or failover takes; readiness tells load balancers meanwhile. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    /**
     * Whether the database being out of reach is what {@code failure} comes down to, wherever it sits
     * in the cause chain (Axon's gateways and Spring's transaction and JDBC layers each wrap it):
     * no connection within the pool's timeout, a cancelled or timed-out statement, a broken
     * connection, a server shutting down or starting up, or out of connection slots or disk.
     */
    public static boolean isCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (isUnavailability(t)) {
                return true;
            }
            related(t).forEach(pending::add);
        }
        return false;
    }

    /**
     * Where a wrapped failure keeps the one it wraps: its cause, its suppressed exceptions, and for a
     * rollback that failed too (a broken connection cannot roll back), the failure that started it.
     */
    private static List<Throwable> related(Throwable t) {
        List<Throwable> related = new ArrayList<>(Arrays.asList(t.getSuppressed()));
        if (t.getCause() != null) {
            related.add(t.getCause());
        }
        if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
            related.add(rollback.getApplicationException());
        }
        return related;
    }

    private static boolean isUnavailability(Throwable t) {
        if (t instanceof CannotGetJdbcConnectionException || t instanceof QueryTimeoutException
                || t instanceof SQLTransientConnectionException || t instanceof SQLTimeoutException) {
            return true;
        }
        return t instanceof SQLException sql && isUnavailabilityState(sql.getSQLState());
    }

    /**
     * PostgreSQL's SQL states: class 08 (connection exception), 57014 (statement cancelled, as the
     * statement timeout does), 57P01-57P03 (server shutting down, crashed, starting up), class 53
     * (out of connection slots, memory or disk). Refusals of the statement itself (constraints,
     * class 23; limits such as an oversized index row, class 54) are not unavailability.
     */
    private static boolean isUnavailabilityState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57014") || state.startsWith("57P")
                || state.startsWith("53"));
    }

    public static ApiException problem() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, CODE, null,
                "The service cannot reach its database right now; retry in a few seconds");
    }

    public static ResponseEntity<Object> entity(ProblemWriter problems, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS))
                .contentType(ProblemWriter.PROBLEM_JSON)
                .body(problems.body(problem(), request));
    }

    public static void write(ProblemWriter problems, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        problems.write(problem(), request, response);
    }
}
