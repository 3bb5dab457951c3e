package io.outboundcalls.query.support;

import java.util.UUID;

/** Ids of a test's own, so tests sharing the one {@link ReadModelDatabase} never see each other's rows. */
public final class TestIds {

    private TestIds() {
    }

    /** {@code prefix_} and 26 random characters, the shape of the application's ids. */
    public static String next(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 26);
    }
}
