package io.outboundcalls.benchmarks;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The lag probe against a fake calls API: every call measured once, about one page read per poll. */
class LagProbeTest {

    /** The campaign's calls, newest placed first, with when each ended (absent while in flight). */
    private final List<String> calls = new ArrayList<>();
    private final Map<String, Instant> endedAt = new HashMap<>();
    private final List<String> paths = new ArrayList<>();
    private final LagProbe probe = new LagProbe(this::get);

    @Test
    void aCallWhoseEndIsSlowToShowIsMeasuredAfterItLeftTheNewestPages() {
        place(250);
        probe.poll("camp_1");
        assertThat(paths).as("all 250 unseen: three pages").hasSize(3);

        String slow = calls.get(calls.size() - 1);
        calls.subList(1, calls.size() - 1).forEach(id -> endedAt.put(id, Instant.now()));
        place(150);
        paths.clear();
        probe.poll("camp_1");
        assertThat(probe.lagsMillis()).as("the 248 that ended").hasSize(248);

        endedAt.put(slow, Instant.now().minusMillis(700));
        paths.clear();
        probe.poll("camp_1");

        assertThat(probe.lagsMillis()).hasSize(249);
        assertThat(probe.lagsMillis().get(248)).isGreaterThanOrEqualTo(700);
        assertThat(paths).contains("/v1/calls/" + slow);
    }

    @Test
    void aPollOfCallsAlreadySeenEndedReadsOnePage() {
        place(300);
        calls.forEach(id -> endedAt.put(id, Instant.now()));
        probe.poll("camp_1");
        paths.clear();

        place(5);
        probe.poll("camp_1");

        assertThat(paths).hasSize(1);
        assertThat(probe.lagsMillis()).as("each call once").hasSize(300);
    }

    private void place(int count) {
        for (int i = 0; i < count; i++) {
            calls.add(0, "call_" + (calls.size() + 1));
        }
    }

    private Http.Response get(String path) {
        paths.add(path);
        if (path.startsWith("/v1/calls/")) {
            return new Http.Response(200, json(path.substring("/v1/calls/".length())));
        }
        int from = 0;
        int cursor = path.indexOf("starting_after=");
        if (cursor >= 0) {
            from = calls.indexOf(path.substring(cursor + "starting_after=".length())) + 1;
        }
        List<String> page = calls.subList(from, Math.min(calls.size(), from + 100));
        StringBuilder body = new StringBuilder("{\"data\":[");
        for (int i = 0; i < page.size(); i++) {
            body.append(i == 0 ? "" : ",").append(json(page.get(i)));
        }
        return new Http.Response(200, body.append("],\"has_more\":").append(from + 100 < calls.size()).append('}').toString());
    }

    private String json(String id) {
        Instant ended = endedAt.get(id);
        return "{\"id\":\"" + id + "\",\"ended_at\":" + (ended == null ? "null" : "\"" + ended + "\"") + "}";
    }
}
