package io.outboundcalls.platform;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way to make the application's own threads: daemon threads (they never keep the JVM
 * alive; each owner stops its work on shutdown) with a name, so a thread dump, a log line or a
 * metric tells which pool is which; those names are what tests and logs look for.
 */
public final class NamedThreads {

    private NamedThreads() {
    }

    /** Every thread of the pool is called {@code name}. */
    public static ThreadFactory named(String name) {
        return runnable -> daemon(runnable, name);
    }

    /** Threads called {@code prefix-1}, {@code prefix-2} … in the order the pool makes them. */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> daemon(runnable, prefix + "-" + count.incrementAndGet());
    }

    /** One thread called {@code name}, started. */
    public static Thread start(String name, Runnable task) {
        Thread thread = daemon(task, name);
        thread.start();
        return thread;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
