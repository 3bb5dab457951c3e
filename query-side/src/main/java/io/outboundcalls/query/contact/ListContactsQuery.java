package io.outboundcalls.query.contact;

import io.outboundcalls.query.common.PageRequest;

/** Filters are optional (null: any); {@code status} is lower case as clients write it. */
public record ListContactsQuery(String accountId, String listId, String status, String phoneNumber, Boolean doNotCall,
                                PageRequest page) {
}
