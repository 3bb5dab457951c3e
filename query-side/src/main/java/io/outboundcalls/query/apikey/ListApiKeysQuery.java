package io.outboundcalls.query.apikey;

import io.outboundcalls.query.common.PageRequest;

public record ListApiKeysQuery(String accountId, PageRequest page) {
}
