package io.outboundcalls.query.common;

import java.util.List;

public record Page<T>(List<T> data, boolean hasMore) {
}
