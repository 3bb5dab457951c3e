package io.outboundcalls.app.config;

import io.outboundcalls.platform.NamedThreads;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The one way this node listens to a PostgreSQL {@code NOTIFY} channel: a thread of its own that holds one
 * connection of the pool, {@code LISTEN}s and hands each notification's payload to its {@link Handler}. After a
 * lost connection it tells the handler, waits a second and connects again; notifications sent while nobody
 * listened are not replayed, so {@link Handler#listening()} is the moment to assume anything may have changed.
 */
public final class PostgresListener {

    /** What the listener tells its owner; all calls come from the listener's thread. */
    public interface Handler {

        /** Connected and listening (again): what changed while nobody listened is unknown. */
        void listening();

        void notified(String payload);

        /** The connection is lost (it reconnects) or the listener stopped. */
        default void notListening() {
        }
    }

    private static final Logger log = LoggerFactory.getLogger(PostgresListener.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]*");
    static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final String channel;
    private final Handler handler;
    private volatile boolean running = true;
    private final Thread thread;

    private PostgresListener(DataSource dataSource, String channel, String threadName, Handler handler) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Not a plain channel name: " + channel);
        }
        this.dataSource = dataSource;
        this.channel = channel;
        this.handler = handler;
        this.thread = NamedThreads.start(threadName, this::listen);
    }

    /** Starts listening on {@code channel} on a thread called {@code threadName}. */
    public static PostgresListener start(DataSource dataSource, String channel, String threadName, Handler handler) {
        return new PostgresListener(dataSource, channel, threadName, handler);
    }

    /** Stops and waits (briefly) for the thread to let its connection go. */
    public void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(POLL.multipliedBy(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                handler.listening();
                while (running) {
                    PGNotification[] received = notifications.getNotifications((int) POLL.toMillis());
                    if (received != null) {
                        for (PGNotification notification : received) {
                            handler.notified(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Listening on {} lost its database connection ({}); reconnecting", channel, e.toString());
                }
            } finally {
                handler.notListening();
            }
            if (running) {
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
