package io.outboundcalls.app.security;

import io.outboundcalls.app.config.PostgresListener;
import io.outboundcalls.command.account.AccountRegistry;
import io.outboundcalls.command.account.AccountRegistry.Principal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * API key hash → principal, kept in memory for {@code outboundcalls.api-key-cache-ttl} so that a
 * request costs no database round trip to authenticate. Revocation stays effective on the next
 * request on every node: the registry announces each revoked key and changed account on
 * {@link AccountRegistry#CHANGES_CHANNEL} when its transaction commits, and every node LISTENs on
 * one connection of its own and drops what changed as the notification arrives. The node that
 * made the change drops it at once and answers only after its own listener has received the
 * notification (at most 1 s), which PostgreSQL sends to every listening node at the same moment:
 * the other nodes apply it while the answer travels. While that connection is not listening (at start, after
 * losing it) nothing is cached and every request reads the registry, as without the cache; the
 * TTL bounds what a notification that never arrives could leave behind. Unknown keys are never
 * cached: every attempt with one reads the registry (and counts against its client address).
 */
@Component
public class PrincipalCache implements SmartLifecycle {

    /** More keys than this in use on one node is unusual; the cache then starts over rather than grows. */
    private static final int MAX_ENTRIES = 100_000;
    private static final Duration ANNOUNCEMENT_WAIT = Duration.ofSeconds(1);
    /** Changes received but not (yet) waited for: those made by other nodes are never claimed. */
    private static final int MAX_ANNOUNCED = 1_000;

    private record Entry(Principal principal, long expiresAtNanos) {
    }

    private final AccountRegistry registry;
    private final DataSource dataSource;
    private final long ttlNanos;
    private final Map<String, Entry> byKeyHash = new ConcurrentHashMap<>();
    /** Moves on every invalidation, so a lookup that raced one does not store what it read before it. */
    private final AtomicLong generation = new AtomicLong();
    private final Set<String> announced = new HashSet<>();
    private volatile boolean listening;
    private volatile boolean running;
    private PostgresListener listener;

    PrincipalCache(AccountRegistry registry, DataSource dataSource,
                   @Value("${outboundcalls.api-key-cache-ttl:5s}") Duration ttl) {
        this.registry = registry;
        this.dataSource = dataSource;
        this.ttlNanos = ttl.toNanos();
    }

    /** The principal of a key hash, as {@link AccountRegistry#findByKeyHash} answers it now. */
    public Optional<Principal> findByKeyHash(String keyHash) {
        if (!listening || ttlNanos <= 0) {
            return registry.findByKeyHash(keyHash);
        }
        long now = System.nanoTime();
        Entry entry = byKeyHash.get(keyHash);
        if (entry != null && now - entry.expiresAtNanos() < 0) {
            return Optional.of(entry.principal());
        }
        long before = generation.get();
        Optional<Principal> found = registry.findByKeyHash(keyHash);
        if (found.isEmpty()) {
            byKeyHash.remove(keyHash);
            return found;
        }
        if (byKeyHash.size() >= MAX_ENTRIES) {
            byKeyHash.clear();
        }
        byKeyHash.put(keyHash, new Entry(found.get(), now + ttlNanos));
        if (generation.get() != before || !listening) {
            // a change was announced while the registry was read: what was read may be older than it
            byKeyHash.remove(keyHash);
        }
        return found;
    }

    /** Whether the cache is in use (its notification connection is listening). */
    public boolean isListening() {
        return listening;
    }

    /**
     * Drops a revoked key at once on this node, for the revoking request's own node (the others
     * drop it when the notification arrives, as this one does again).
     */
    public void forgetKey(String keyId) {
        dropKey(keyId);
        awaitAnnounced(AccountRegistry.KEY_PREFIX + keyId);
    }

    /** Drops an account's keys at once on this node, after its tier or limits changed. */
    public void forgetAccount(String accountId) {
        dropAccount(accountId);
        awaitAnnounced(AccountRegistry.ACCOUNT_PREFIX + accountId);
    }

    private void dropKey(String keyId) {
        generation.incrementAndGet();
        byKeyHash.values().removeIf(e -> e.principal().keyId().equals(keyId));
    }

    private void dropAccount(String accountId) {
        generation.incrementAndGet();
        byKeyHash.values().removeIf(e -> e.principal().accountId().equals(accountId));
    }

    /**
     * Waits (briefly) until this node's own listener has received the change's notification:
     * PostgreSQL sends it to every listening node at once, so when the changing request answers,
     * the other nodes have it too, and are only microseconds from applying it.
     */
    private void awaitAnnounced(String change) {
        if (!listening) {
            return;
        }
        long deadline = System.nanoTime() + ANNOUNCEMENT_WAIT.toNanos();
        synchronized (announced) {
            while (!announced.remove(change) && listening) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    announced.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void received(String change) {
        changed(change);
        synchronized (announced) {
            if (announced.size() >= MAX_ANNOUNCED) {
                announced.clear();
            }
            announced.add(change);
            announced.notifyAll();
        }
    }

    /** Applies one announced change (see {@link AccountRegistry#CHANGES_CHANNEL}); an unknown one drops everything. */
    void changed(String change) {
        if (change != null && change.startsWith(AccountRegistry.KEY_PREFIX)) {
            dropKey(change.substring(AccountRegistry.KEY_PREFIX.length()));
        } else if (change != null && change.startsWith(AccountRegistry.ACCOUNT_PREFIX)) {
            dropAccount(change.substring(AccountRegistry.ACCOUNT_PREFIX.length()));
        } else {
            forgetAll();
        }
    }

    private void forgetAll() {
        generation.incrementAndGet();
        byKeyHash.clear();
    }

    @Override
    public void start() {
        if (ttlNanos <= 0) {
            return;
        }
        running = true;
        listener = PostgresListener.start(dataSource, AccountRegistry.CHANGES_CHANNEL, "api-key-cache-listener", new PostgresListener.Handler() {
            @Override
            public void listening() {
                // whatever changed while nobody listened is unknown: start empty
                forgetAll();
                listening = true;
            }

            @Override
            public void notified(String change) {
                received(change);
            }

            @Override
            public void notListening() {
                listening = false;
                forgetAll();
            }
        });
    }

    @Override
    public void stop() {
        running = false;
        listening = false;
        PostgresListener current = listener;
        if (current != null) {
            current.stop();
        }
        forgetAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
