package io.outboundcalls.query.contact;

public record FindContactQuery(String accountId, String contactId) {
}
