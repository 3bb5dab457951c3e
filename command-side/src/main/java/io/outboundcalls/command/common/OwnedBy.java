package io.outboundcalls.command.common;

/** Guard shared by every account-owned aggregate: another account's id is "not found". */
public final class OwnedBy {

    private OwnedBy() {
    }

    public static void check(String ownerAccountId, String requestingAccountId, String resource, String id) {
        if (!ownerAccountId.equals(requestingAccountId)) {
            throw new ResourceNotFoundException(resource, id);
        }
    }
}
