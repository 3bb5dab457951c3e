package io.outboundcalls.webhooks.outbox;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A public webhook event about to be sent: its type (one of {@code EventTypes.TYPES}), the account
 * it belongs to, and its {@code data}, the API object as {@code GET} would show it. The data is a
 * supplier so that it is only rendered (perhaps from a read model) when some endpoint subscribes;
 * it may return a record, a map or a Jackson node, written with the API's own ObjectMapper.
 */
public record PublicEvent(String type, String accountId, Supplier<?> data) {

    public PublicEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(data, "data");
    }

    public static PublicEvent of(String type, String accountId, Supplier<?> data) {
        return new PublicEvent(type, accountId, data);
    }
}
