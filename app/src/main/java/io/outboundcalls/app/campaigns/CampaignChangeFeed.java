package io.outboundcalls.app.campaigns;

import io.outboundcalls.app.config.PostgresListener;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
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

    private final DataSource dataSource;
    private PostgresListener listener;

    CampaignChangeFeed(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param changed   called with a campaign id for each notification
     * @param connected called each time the listener is (re)connected: anything may have changed meanwhile
     */
    synchronized void start(Consumer<String> changed, Runnable connected) {
        if (listener != null) {
            return;
        }
        listener = PostgresListener.start(dataSource, CHANNEL, "campaign-changes", new PostgresListener.Handler() {
            @Override
            public void listening() {
                connected.run();
            }

            @Override
            public void notified(String campaignId) {
                changed.accept(campaignId);
            }
        });
    }

    synchronized void stop() {
        if (listener != null) {
            listener.stop();
            listener = null;
        }
    }
}
