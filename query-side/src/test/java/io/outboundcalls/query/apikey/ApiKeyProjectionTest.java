package io.outboundcalls.query.apikey;

import io.outboundcalls.events.account.ApiKeyCreatedEvent;
import io.outboundcalls.events.account.ApiKeyRevokedEvent;
import io.outboundcalls.query.common.PageRequest;
import io.outboundcalls.query.support.ReadModelDatabase;
import io.outboundcalls.query.support.TestIds;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The API keys read model as a plain object: redelivered events never list a key twice or bring a revoked one back. */
class ApiKeyProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final ApiKeyProjection projection = new ApiKeyProjection(ReadModelDatabase.jdbc());
    private final String accountId = TestIds.next("acct");
    private final String keyId = TestIds.next("key");

    @Test
    void aRedeliveredCreationListsTheKeyOnce() {
        projection.on(created(keyId, "ci"), 1, T0);
        projection.on(created(keyId, "ci"), 1, T0.plusSeconds(5));

        assertThat(list()).singleElement().satisfies(key -> {
            assertThat(key.name()).isEqualTo("ci");
            assertThat(key.last4()).isEqualTo("abcd");
            assertThat(key.createdAt()).isEqualTo(T0);
        });
    }

    @Test
    void aRevokedKeyIsNoLongerListed() {
        projection.on(created(keyId, "ci"), 1, T0);
        projection.on(new ApiKeyRevokedEvent(accountId, keyId), 2);
        projection.on(new ApiKeyRevokedEvent(accountId, keyId), 2);

        assertThat(list()).isEmpty();
    }

    @Test
    void aCreationRedeliveredAfterTheRevocationDoesNotBringTheKeyBack() {
        projection.on(created(keyId, "ci"), 1, T0);
        projection.on(new ApiKeyRevokedEvent(accountId, keyId), 2);
        projection.on(created(keyId, "ci"), 1, T0);

        assertThat(list()).isEmpty();
    }

    @Test
    void revokingOneKeyKeepsTheOthers() {
        String other = TestIds.next("key");
        projection.on(created(keyId, "ci"), 1, T0);
        projection.on(created(other, "laptop"), 2, T0.plusSeconds(1));
        projection.on(new ApiKeyRevokedEvent(accountId, keyId), 3);

        assertThat(list()).extracting(ApiKeyView::id).containsExactly(other);
    }

    @Test
    void theResetClearsKeysAndTombstones() {
        projection.on(created(keyId, "ci"), 1, T0);
        projection.on(new ApiKeyRevokedEvent(accountId, keyId), 2);
        projection.on(created(TestIds.next("key"), "laptop"), 3, T0);

        projection.reset();

        assertThat(list()).isEmpty();
        projection.on(created(keyId, "ci"), 1, T0);
        assertThat(list()).extracting(ApiKeyView::id).containsExactly(keyId);
    }

    private ApiKeyCreatedEvent created(String id, String name) {
        return new ApiKeyCreatedEvent(accountId, id, name, "hash-" + id, "ok_live_", "abcd");
    }

    private List<ApiKeyView> list() {
        return projection.handle(new ListApiKeysQuery(accountId, new PageRequest(100, null, null, null, null))).data();
    }
}
