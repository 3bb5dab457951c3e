package io.outboundcalls.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The arithmetic the table rests on; the full harness runs with {@code --smoke}. */
class HarnessTest {

    private static JsonNode call(String started, String ended) throws Exception {
        return Http.JSON.readTree("{\"started_at\":\"" + started + "\",\"ended_at\":\"" + ended + "\"}");
    }

    @Test
    void countsTheLargestOverlapOfCalls() throws Exception {
        List<JsonNode> calls = List.of(
                call("2026-01-01T00:00:00Z", "2026-01-01T00:00:10Z"),
                call("2026-01-01T00:00:05Z", "2026-01-01T00:00:15Z"),
                call("2026-01-01T00:00:06Z", "2026-01-01T00:00:07Z"),
                call("2026-01-01T00:00:10Z", "2026-01-01T00:00:20Z"));
        // a call ending exactly when another starts does not overlap it
        assertThat(DialerScenario.maxOverlap(calls)).isEqualTo(3);
    }

    @Test
    void runsALargerImportOnlyWhenAsked() {
        assertThat(Benchmarks.sizes(List.of())).isEqualTo(Sizes.FULL);
        Sizes million = Benchmarks.sizes(List.of("--only=import", "--import-rows=1000000"));
        assertThat(million.importRows()).isEqualTo(1_000_000);
        assertThat(million.withImportRows(Sizes.FULL.importRows())).isEqualTo(Sizes.FULL);
        assertThat(million.smoke()).isFalse();
        Sizes smoke = Benchmarks.sizes(List.of("--smoke", "--import-rows=50", "--dialer-contacts=10"));
        assertThat(smoke.importRows()).isEqualTo(50);
        assertThat(smoke.dialerContacts()).isEqualTo(10);
        assertThat(smoke.smoke()).isTrue();
        assertThat(Sizes.FULL.smoke()).isFalse();
        assertThatThrownBy(() -> Benchmarks.sizes(List.of("--import-rows=0"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Benchmarks.sizes(List.of("--import-rows=9000000"))).hasMessageContaining("1 to 8000000");
    }

    @Test
    void takesPercentilesOfSortedLatencies() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertThat(Load.percentile(sorted, 0.50)).isEqualTo(50);
        assertThat(Load.percentile(sorted, 0.99)).isEqualTo(99);
        assertThat(Load.percentile(new long[0], 0.99)).isZero();
    }

    @Test
    void rendersOneRowPerFigureWithItsVerdict() throws Exception {
        String table = Benchmarks.render(List.of(
                new Row("A", ">= 1", "2", true, null),
                new Row("B", ">= 1", "0", false, "x|y"),
                Row.notAvailable("C", "<= 1 s", "later")), false, "fsync=on, synchronous_commit=on");
        assertThat(table).contains("| A | >= 1 | 2 | PASS |  |")
                .contains("| B | >= 1 | 0 | FAIL | x/y |")
                .contains("| C | <= 1 s | not available | - | later |")
                .contains("cores")
                .contains("Database: fsync=on, synchronous_commit=on");
    }

    @Test
    void measuresTheBusyShareOfAllCoresFromProcStat() {
        long[] before = Quiet.parse("cpu  100 0 100 800 0 0 0 0 0 0");
        long[] after = Quiet.parse("cpu  250 0 150 900 100 0 0 0 0 0");
        // 200 busy jiffies (user + system) out of 400: iowait counts as idle
        assertThat(Quiet.busy(before, after)).isEqualTo(0.5);
        assertThat(Quiet.busy(before, before)).isZero();
    }

    @Test
    void judgesTheApiAsAShareOfRawPostgreSql() {
        Load.Result api = new Load.Result(600, 0, 1.0, 10_000, 40_000, null, 0.2, 0);
        Load.Result raw = new Load.Result(1000, 0, 1.0, 1_000, 5_000, null, 0.3, 0);
        Row row = Scenarios.compared("Read", "t", api, raw, "page reads", 0.50);
        assertThat(row.pass()).isTrue();
        assertThat(row.measured()).startsWith("**60 %** of raw").contains("raw 1,000 page reads/s");
        assertThat(row.note()).contains("harness CPU 20 % of the machine").contains("harness CPU 30 %");
        // the share is met but the API's p99 is not
        Load.Result slow = new Load.Result(600, 0, 1.0, 10_000, 51_000, null, 0.2, 0);
        assertThat(Scenarios.compared("Read", "t", slow, raw, "page reads", 0.50).pass()).isFalse();
        assertThat(Scenarios.compared("Read", "t", api, raw, "page reads", 0.70).pass()).isFalse();
        assertThat(Scenarios.compared("Read", "t", api, null, "page reads", 0.50).pass()).isNull();
    }

    @Test
    void sharesCpuTimeOverAllCores() {
        assertThat(Load.cpuShare(1_000_000_000L, 1.0, 2)).isEqualTo(0.5);
        assertThat(Load.cpuShare(1_000_000_000L, 0, 2)).isZero();
    }

    @Test
    void theClientsPauseForAQuietMachineBetweenTheWarmUpAndTheMeasuredPhase() throws Exception {
        ConcurrentLinkedQueue<Long> calls = new ConcurrentLinkedQueue<>();
        Load.Result result = Load.run(2, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofMillis(200), () ->
                new Load.Session() {
                    @Override
                    public String call(int n) throws Exception {
                        calls.add(System.nanoTime());
                        Thread.sleep(2);
                        return null;
                    }

                    @Override
                    public void close() {
                    }
                });

        long[] times = calls.stream().mapToLong(Long::longValue).sorted().toArray();
        long longestGap = 0;
        for (int i = 1; i < times.length; i++) {
            longestGap = Math.max(longestGap, times[i] - times[i - 1]);
        }
        // Quiet looks at the machine once a second at the least, at most for the 1 s allowed here
        assertThat(result.quietAfterSeconds()).isBetween(0.9, 3.0);
        assertThat(longestGap).as("no call while paused").isGreaterThan(Duration.ofMillis(900).toNanos());
        assertThat(result.ok()).isPositive();
    }
}
