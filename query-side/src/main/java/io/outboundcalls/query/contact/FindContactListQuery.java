package io.outboundcalls.query.contact;

public record FindContactListQuery(String accountId, String listId) {
}
