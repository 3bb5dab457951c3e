package io.outboundcalls.webhooks.delivery;

import io.outboundcalls.platform.NamedThreads;
import io.outboundcalls.webhooks.WebhookProperties;
import io.outboundcalls.webhooks.endpoint.WebhookEndpoints;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends due deliveries. One dispatcher thread claims as many due deliveries as there are free
 * sender threads (so a claimed delivery starts at once and its lease only has to cover one
 * attempt), at most {@code max-in-flight-per-account} of one account at a time, the sender
 * threads post them, and each result is recorded: success, a retry on the schedule with jitter,
 * {@code failed} when the schedule is used up, and the endpoint disabled on 410 or after failing
 * for {@code disable-after}.
 */
@Component
class WebhookSender implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    /** The delivery log keeps this much of a response: enough to debug, bounded in size. */
    static final int RESPONSE_PREFIX_BYTES = 2048;
    static final String USER_AGENT = "OutboundCalls-Webhooks/1.0";
    static final String UNREADABLE_SECRET = "not sent: the endpoint's signing secret does not open with the configured "
            + "encryption key (outboundcalls.encryption-key); roll the secret";
    private static final long GATHER_MILLIS = 5;

    private final Deliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final DeliverySignal signal;
    private final WebhookProperties properties;
    private final CloseableHttpClient http;
    private final Queue<Deliveries.Success> succeeded = new ConcurrentLinkedQueue<>();
    private final ReentrantLock recording = new ReentrantLock();
    private final InFlight inFlight;
    private volatile boolean running;
    private Thread dispatcher;
    private ExecutorService senders;
    private Semaphore slots;

    WebhookSender(Deliveries deliveries, WebhookEndpoints endpoints, DeliverySignal signal, WebhookProperties properties) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.signal = signal;
        this.properties = properties;
        this.http = httpClient(properties);
        this.inFlight = new InFlight(Math.max(1, properties.maxInFlightPerAccount()));
    }

    /**
     * Explicit timeouts, no redirects (a redirect could lead anywhere, including inside our
     * network), no retries of its own, no cookies, no proxy, and the SSRF-guarding resolver.
     */
    static CloseableHttpClient httpClient(WebhookProperties properties) {
        DnsResolver resolver = properties.allowPrivateNetworks() ? SystemDefaultDnsResolver.INSTANCE : new GuardedDnsResolver();
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(resolver)
                .setMaxConnTotal(Math.max(20, properties.senderThreads() * 2))
                .setMaxConnPerRoute(properties.senderThreads())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(Timeout.of(properties.responseTimeout()))
                        .build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(properties.responseTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent(USER_AGENT)
                .build();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        slots = new Semaphore(properties.senderThreads());
        senders = Executors.newFixedThreadPool(properties.senderThreads(), NamedThreads.numbered("webhook-sender"));
        dispatcher = NamedThreads.start("webhook-dispatcher", this::dispatch);
    }

    /** Stops claiming and lets attempts in flight finish (their rows are otherwise re-sent after the lease). */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        dispatcher.interrupt();
        try {
            dispatcher.join(10_000);
            senders.shutdown();
            senders.awaitTermination(properties.connectTimeout().plus(properties.responseTimeout()).toSeconds() + 1,
                    TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() throws IOException {
        stop();
        http.close();
    }

    /**
     * Claims as many due deliveries as there are free sender threads. When only a few threads are
     * free it gives the others up to {@value #GATHER_MILLIS} ms to finish, so that under load one
     * claim query serves several deliveries instead of one.
     */
    private void dispatch() {
        int gather = Math.max(1, properties.senderThreads() / 2);
        while (running) {
            int held = 0;
            try {
                slots.acquire();
                held = 1;
                if (slots.tryAcquire(gather - 1, GATHER_MILLIS, TimeUnit.MILLISECONDS)) {
                    held = gather;
                }
                held += slots.drainPermits();
                List<Deliveries.Claimed> claimed = deliveries.claim(held, properties.claimLease(), inFlight.snapshot(),
                        inFlight.perAccount());
                slots.release(held - claimed.size());
                held = 0;
                if (claimed.isEmpty()) {
                    signal.await(deliveries.untilNextDue(properties.pollInterval(), inFlight.snapshot(),
                            inFlight.perAccount()));
                    continue;
                }
                for (Deliveries.Claimed delivery : claimed) {
                    inFlight.begin(delivery.accountId());
                    senders.execute(() -> {
                        try {
                            deliver(delivery);
                        } finally {
                            if (inFlight.end(delivery.accountId())) {
                                signal.wake();
                            }
                            slots.release();
                        }
                    });
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Webhook dispatcher failed; retrying shortly", e);
                slots.release(held);
                pause();
            }
        }
    }

    private void deliver(Deliveries.Claimed delivery) {
        Instant attemptAt = Instant.now();
        Attempt result = attempt(delivery, attemptAt.getEpochSecond());
        try {
            if (result.succeeded()) {
                succeeded.add(new Deliveries.Success(delivery, attemptAt, result.status(), result.body()));
                recordSuccesses();
                return;
            }
            Instant next = nextAttempt(delivery.retryIndex(), Instant.now());
            Instant failingSince = deliveries.recordFailure(delivery, attemptAt, result.status(), result.body(),
                    result.error(), next);
            if (result.status() != null && result.status() == 410) {
                endpoints.disable(delivery.endpointId(), "endpoint answered 410 Gone");
            } else if (failingSince.isBefore(Instant.now().minus(properties.disableAfter()))) {
                endpoints.disable(delivery.endpointId(), "endpoint failing since " + failingSince);
            }
        } catch (RuntimeException e) {
            // the claim lease brings the delivery back: at-least-once holds even if recording fails
            log.warn("Could not record webhook attempt {}", delivery.deliveryId(), e);
        }
    }

    /**
     * Whichever sender thread gets the lock records every success queued so far in one batch;
     * the others just queue theirs. Checking again after unlocking leaves nothing behind.
     */
    private void recordSuccesses() {
        while (!succeeded.isEmpty() && recording.tryLock()) {
            try {
                List<Deliveries.Success> batch = new ArrayList<>();
                for (Deliveries.Success s; (s = succeeded.poll()) != null; ) {
                    batch.add(s);
                }
                if (!batch.isEmpty()) {
                    deliveries.recordSuccesses(batch);
                }
            } finally {
                recording.unlock();
            }
        }
    }

    /** When to try again after the attempt at {@code retryIndex} failed; null when the schedule is used up. */
    Instant nextAttempt(int retryIndex, Instant now) {
        List<Duration> schedule = properties.retrySchedule();
        if (retryIndex >= schedule.size()) {
            return null;
        }
        double factor = 1 + properties.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return now.plusMillis(Math.round(schedule.get(retryIndex).toMillis() * factor));
    }

    record Attempt(Integer status, String body, String error) {
        boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }
    }

    Attempt attempt(Deliveries.Claimed delivery, long timestamp) {
        if (delivery.secrets().isEmpty()) {
            return new Attempt(null, null, UNREADABLE_SECRET);
        }
        HttpPost post = new HttpPost(delivery.url());
        post.setHeader("webhook-id", delivery.eventId());
        post.setHeader("webhook-timestamp", Long.toString(timestamp));
        post.setHeader("webhook-signature",
                WebhookSigner.signatureHeader(delivery.secrets(), delivery.eventId(), timestamp, delivery.body()));
        post.setEntity(new StringEntity(delivery.body(), ContentType.APPLICATION_JSON));
        try (CloseableHttpResponse response = http.execute(post)) {
            return new Attempt(response.getCode(), prefixOf(response.getEntity(), post), null);
        } catch (SocketTimeoutException e) {
            return new Attempt(null, null, "timeout: " + e.getMessage());
        } catch (UnknownHostException e) {
            return new Attempt(null, null, "could not resolve or refused host: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return new Attempt(null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * The first 2 KB of the body. A longer body is not read to the end: the request is aborted,
     * so a receiver streaming forever cannot hold a sender thread.
     */
    private static String prefixOf(HttpEntity entity, HttpPost post) throws IOException {
        if (entity == null) {
            return null;
        }
        InputStream in = entity.getContent();
        byte[] prefix = in.readNBytes(RESPONSE_PREFIX_BYTES);
        if (in.read() != -1) {
            post.cancel();
        }
        // PostgreSQL text cannot hold NUL characters
        return new String(prefix, StandardCharsets.UTF_8).replace("\u0000", "");
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
