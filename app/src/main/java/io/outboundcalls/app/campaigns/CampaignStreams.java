package io.outboundcalls.app.campaigns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.command.account.AccountRegistry.Principal;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.platform.NamedThreads;
import io.outboundcalls.query.campaign.CampaignView;
import io.outboundcalls.query.campaign.FindCampaignQuery;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The open {@code /v1/campaigns/:id/stream} connections of this node. A stream starts with the
 * snapshot (the campaign, then its calls in flight) and is refreshed whenever
 * {@link CampaignChangeFeed} reports its campaign; every 15 s it gets a heartbeat comment and
 * is refreshed as well, which bounds what a lost notification can hide.
 */
@Component
public class CampaignStreams implements SmartLifecycle {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final QueryGateway queries;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final CampaignChangeFeed feed;
    private final Map<String, Set<CampaignStream>> byCampaign = new ConcurrentHashMap<>();
    private final ExecutorService refreshers = Executors.newFixedThreadPool(2, NamedThreads.named("campaign-stream"));
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(NamedThreads.named("campaign-stream-heartbeat"));
    private volatile boolean running;

    CampaignStreams(QueryGateway queries, JdbcTemplate jdbc, ObjectMapper objectMapper, CampaignChangeFeed feed) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.json = objectMapper;
        this.feed = feed;
    }

    /** Opens a stream of the principal's campaign; another account's or an unknown id is 404. */
    public SseEmitter open(Principal principal, String campaignId) {
        if (!Ids.hasPrefix(campaignId, "camp")) {
            throw ApiException.notFound("campaign", campaignId);
        }
        CampaignView view = find(principal.accountId(), campaignId).orElseThrow(() -> ApiException.notFound("campaign", campaignId));
        feed.start(this::changed, this::refreshAll);
        SseEmitter emitter = new SseEmitter(0L); // no server-side timeout: it lasts while the client stays
        CampaignStream stream = new CampaignStream(principal.accountId(), campaignId, emitter, queries, jdbc, this);
        byCampaign.computeIfAbsent(campaignId, id -> ConcurrentHashMap.newKeySet()).add(stream);
        emitter.onCompletion(() -> close(stream));
        emitter.onTimeout(() -> close(stream));
        emitter.onError(e -> close(stream));
        stream.snapshot(view);
        return emitter;
    }

    Optional<CampaignView> find(String accountId, String campaignId) {
        return queries.query(new FindCampaignQuery(accountId, campaignId), ResponseTypes.optionalInstanceOf(CampaignView.class)).join();
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void changed(String campaignId) {
        Set<CampaignStream> streams = byCampaign.get(campaignId);
        if (streams != null) {
            streams.forEach(this::schedule);
        }
    }

    private void refreshAll() {
        byCampaign.values().forEach(streams -> streams.forEach(this::schedule));
    }

    private void schedule(CampaignStream stream) {
        if (stream.markPending()) {
            refreshers.execute(stream::refresh);
        }
    }

    private void heartbeat() {
        byCampaign.values().forEach(streams -> streams.forEach(stream -> {
            stream.heartbeat();
            schedule(stream);
        }));
    }

    void close(CampaignStream stream) {
        Set<CampaignStream> streams = byCampaign.get(stream.campaignId());
        if (streams != null) {
            streams.remove(stream);
        }
    }

    @Override
    public void start() {
        running = true;
        heartbeats.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Before the web server's graceful shutdown waits for requests: a stream would hold it up to its timeout. */
    @Override
    public void stop() {
        running = false;
        feed.stop();
        byCampaign.values().forEach(streams -> streams.forEach(stream -> stream.emitter().complete()));
        byCampaign.clear();
        heartbeats.shutdownNow();
        refreshers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
