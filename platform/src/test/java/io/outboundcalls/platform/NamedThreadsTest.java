package io.outboundcalls.platform;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class NamedThreadsTest {

    @Test
    void aNamedPoolGivesEveryThreadItsNameAndNoneKeepsTheJvmAlive() {
        ThreadFactory factory = NamedThreads.named("dialer-place");
        Thread first = factory.newThread(() -> { });
        Thread second = factory.newThread(() -> { });
        assertThat(first.getName()).isEqualTo("dialer-place");
        assertThat(second.getName()).isEqualTo("dialer-place");
        assertThat(first.isDaemon()).isTrue();
        assertThat(first.isAlive()).isFalse();
    }

    @Test
    void aNumberedPoolCountsItsThreadsFromOne() {
        ThreadFactory factory = NamedThreads.numbered("llm-http");
        assertThat(factory.newThread(() -> { }).getName()).isEqualTo("llm-http-1");
        Thread second = factory.newThread(() -> { });
        assertThat(second.getName()).isEqualTo("llm-http-2");
        assertThat(second.isDaemon()).isTrue();
        // each pool counts on its own
        assertThat(NamedThreads.numbered("llm-http").newThread(() -> { }).getName()).isEqualTo("llm-http-1");
    }

    @Test
    void startRunsTheTaskOnADaemonThreadOfThatName() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        String[] seen = new String[1];
        Thread thread = NamedThreads.start("campaign-changes", () -> {
            seen[0] = Thread.currentThread().getName();
            ran.countDown();
        });
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        thread.join(5_000);
        assertThat(seen[0]).isEqualTo("campaign-changes");
        assertThat(thread.isDaemon()).isTrue();
    }
}
