package io.outboundcalls.app.campaigns;

import io.outboundcalls.platform.NamedThreads;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Listens on PostgreSQL's {@code campaign_changes} channel, which the read models' triggers notify
 * at commit (V2026_12_01_7210), so a stream on this node hears of a call projected on any node.
 * Started with the first stream, it then holds one connection of the pool; after a lost
 * connection it reconnects and tells the streams to re-read, since notifications sent meanwhile
 * are not replayed.
 */
@Component
class CampaignChangeFeed {

    static final String CHANNEL = "campaign_changes";
    private static final Logger log = LoggerFactory.getLogger(CampaignChangeFeed.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private volatile boolean running;
    private Thread thread;

    CampaignChangeFeed(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param changed   called with a campaign id for each notification
     * @param connected called each time the listener is (re)connected: anything may have changed meanwhile
     */
    synchronized void start(Consumer<String> changed, Runnable connected) {
        if (thread != null) {
            return;
        }
        running = true;
        thread = NamedThreads.start("campaign-changes", () -> listen(changed, connected));
    }

    synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }

    private void listen(Consumer<String> changed, Runnable connected) {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection listener = connection.unwrap(PGConnection.class);
                connected.run();
                while (running) {
                    PGNotification[] notifications = listener.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            changed.accept(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Campaign change listener lost its connection ({}); reconnecting", e.getMessage());
                    pause();
                }
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
