package io.outboundcalls.query.contact;

import io.outboundcalls.query.common.PageRequest;

public record ListContactListsQuery(String accountId, PageRequest page) {
}
