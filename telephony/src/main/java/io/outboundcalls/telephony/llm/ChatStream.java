package io.outboundcalls.telephony.llm;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One streamed completion in flight: the lines of the response body (read without a thread waiting on the
 * socket) go through a {@link ChatStreamParser} to the listener. {@link #cancel()} stops it for good: the
 * connection is dropped, so the server stops generating. A watchdog fails the stream when no line arrived
 * within the idle timeout. No lock is held while the listener runs (it takes its own), and a callback racing
 * a cancel may still arrive: listeners tell current streams from cancelled ones themselves.
 */
public final class ChatStream implements Flow.Subscriber<String> {

    private final ChatStreamListener listener;
    private final ChatStreamParser parser;
    private final ScheduledExecutorService timers;
    private final long idleNanos;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile long lastActivity = System.nanoTime();
    private volatile Flow.Subscription subscription;
    private volatile CompletableFuture<?> response;
    private volatile ScheduledFuture<?> watchdog;

    ChatStream(ChatStreamListener listener, ScheduledExecutorService timers, long idleNanos) {
        this.listener = listener;
        this.parser = new ChatStreamParser(listener::onText);
        this.timers = timers;
        this.idleNanos = idleNanos;
        this.watchdog = timers.schedule(this::checkIdle, idleNanos, TimeUnit.NANOSECONDS);
    }

    /** Stops the stream; the listener hears neither completion nor failure. Safe from any thread, repeatedly. */
    public void cancel() {
        if (finished.compareAndSet(false, true)) {
            stopWatchdog();
            abort();
        }
    }

    public boolean isFinished() {
        return finished.get();
    }

    void responseFuture(CompletableFuture<?> future) {
        this.response = future;
        if (finished.get() && subscription == null) {
            future.cancel(true);
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (finished.get()) {
            subscription.cancel();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    /** Lines arrive one at a time (the Flow contract), so the parser needs no lock. */
    @Override
    public void onNext(String line) {
        if (finished.get()) {
            return;
        }
        lastActivity = System.nanoTime();
        try {
            parser.accept(line);
            if (parser.isDone()) {
                complete();
            }
        } catch (LlmException e) {
            fail(e);
        }
    }

    @Override
    public void onError(Throwable error) {
        fail(error instanceof LlmException llm ? llm : new LlmException("The completion stream broke: " + error, error));
    }

    @Override
    public void onComplete() {
        if (finished.get()) {
            return;
        }
        try {
            complete();
        } catch (LlmException e) {
            fail(e);
        }
    }

    void fail(LlmException failure) {
        if (finished.compareAndSet(false, true)) {
            stopWatchdog();
            abort();
            listener.onFailure(failure);
        }
    }

    /** After {@code [DONE]} the rest of the body is read to its end, so the connection goes back to the pool. */
    private void complete() {
        ChatCompletion completion = parser.finish();
        if (finished.compareAndSet(false, true)) {
            stopWatchdog();
            listener.onComplete(completion);
        }
    }

    private void checkIdle() {
        long idle = System.nanoTime() - lastActivity;
        if (idle >= idleNanos) {
            fail(new LlmException("No token from the model server for " + TimeUnit.NANOSECONDS.toMillis(idle) + " ms"));
        } else if (!finished.get()) {
            watchdog = timers.schedule(this::checkIdle, idleNanos - idle, TimeUnit.NANOSECONDS);
        }
    }

    private void stopWatchdog() {
        ScheduledFuture<?> timer = watchdog;
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void abort() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        CompletableFuture<?> future = response;
        if (future != null) {
            future.cancel(true);
        }
    }
}
