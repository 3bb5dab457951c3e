package io.outboundcalls.query.common;

import java.time.Instant;

/**
 * Cursor pagination as clients ask for it: newest first, {@code limit} items after
 * {@code startingAfter} or before {@code endingBefore}, optionally within a creation range.
 */
public record PageRequest(int limit, String startingAfter, String endingBefore, Instant createdGte, Instant createdLt) {

}
