package io.outboundcalls.app.config;

import com.zaxxer.hikari.HikariDataSource;
import io.outboundcalls.platform.NamedThreads;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * With no {@code spring.datasource.url}, the service runs its own PostgreSQL 17 with its data
 * under {@code <data-dir>/postgres}, kept across restarts. With a URL, none of this exists.
 *
 * <p>This is production data, so the server runs durable: zonky's builder starts PostgreSQL the way
 * tests want it ({@code -F}, i.e. {@code fsync=off}, and {@code synchronous_commit=off}); the
 * {@code -c} settings below come after {@code -F} on the command line and win.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMode.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** Held for the whole life of the service, released after its PostgreSQL has stopped. */
    @Bean(destroyMethod = "close")
    DataDirectoryLock dataDirectoryLock(OutboundCallsProperties properties) throws IOException {
        Path dataDir = properties.dataDir().toAbsolutePath();
        Files.createDirectories(dataDir);
        return DataDirectoryLock.acquire(dataDir);
    }

    /** Takes {@code owned} so that it starts after the lock is taken and stops before it is released. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(OutboundCallsProperties properties, DataDirectoryLock owned) throws IOException {
        Path dataDirectory = properties.dataDir().resolve("postgres").toAbsolutePath();
        Files.createDirectories(dataDirectory);
        stopOrphanedServer(dataDirectory);
        log.info("Starting embedded PostgreSQL with data in {}", dataDirectory);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // stopped by this context after everything that uses it, not by a JVM hook racing it
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
    }

    /** {@code spring.datasource.hikari.*} applies here as it does to an external database's pool. */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres, Environment environment) {
        HikariDataSource pool = new EmbeddedPool();
        pool.setPoolName("embedded");
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        return pool;
    }

    /**
     * Closing a pool whose database is gone waits for its connection-adding thread, which sleeps
     * between attempts for up to the login timeout; PostgreSQL is stopped right after anyway, and
     * ends every connection itself, so the service does not wait more than half a second for that.
     */
    static final class EmbeddedPool extends HikariDataSource {

        private static final Duration CLOSE_WAIT = Duration.ofMillis(500);

        @Override
        public void close() {
            Thread closing = NamedThreads.start("embedded-pool-close", super::close);
            try {
                closing.join(CLOSE_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Called while holding the data directory's lock, so no live service owns a PostgreSQL still
     * running here: its service was killed abruptly (pg_ctl daemonizes the server). A fast shutdown
     * of that orphan lets this start reuse the directory. A pid file naming a live process that is
     * not PostgreSQL (the pid was reused after a reboot) is stale, and PostgreSQL would refuse to
     * start over it.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Optional<ProcessHandle> process = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return;
        }
        Optional<String> command = process.get().info().command();
        if (command.isPresent() && !command.get().endsWith("postgres")) {
            log.warn("Removing stale {}: its pid {} is now {}", pidFile, process.get().pid(), command.get());
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("Stopping PostgreSQL left running by a service that is gone (pid {})", process.get().pid());
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.get().pid())).inheritIO().start().waitFor();
            process.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the orphaned PostgreSQL in " + dataDirectory, e);
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return first.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
