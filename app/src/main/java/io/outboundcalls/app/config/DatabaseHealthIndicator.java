package io.outboundcalls.app.config;

import io.outboundcalls.platform.NamedThreads;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the database answers, for {@code /health/readiness}: a frozen or unreachable database
 * turns the node not-ready within {@code outboundcalls.database.health-timeout}, and ready again
 * as soon as it answers. One check runs at a time; probes arriving meanwhile wait on that one, so
 * a hanging database never piles up threads.
 */
@Component("database")
class DatabaseHealthIndicator implements HealthIndicator {

    private final DataSource dataSource;
    private final Duration timeout;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(NamedThreads.named("database-health"));
    private final AtomicReference<CompletableFuture<Boolean>> running = new AtomicReference<>();

    DatabaseHealthIndicator(DataSource dataSource, DatabaseProperties properties) {
        this.dataSource = dataSource;
        this.timeout = properties.healthTimeout();
    }

    @Override
    public Health health() {
        CompletableFuture<Boolean> check = running.updateAndGet(previous ->
                previous == null || previous.isDone() ? CompletableFuture.supplyAsync(this::answers, executor) : previous);
        try {
            return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS) ? Health.up().build() : Health.down().build();
        } catch (TimeoutException e) {
            return Health.down().withDetail("reason", "no answer within " + timeout).build();
        } catch (ExecutionException e) {
            return Health.down().withDetail("reason", "unreachable").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().build();
        }
    }

    private boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) Math.max(1, timeout.toSeconds()));
        } catch (Exception e) {
            return false;
        }
    }
}
