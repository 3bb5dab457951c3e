package io.outboundcalls.app.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.outboundcalls.query.common.Page;

import java.util.List;
import java.util.function.Function;

/** The list envelope: {@code {"object":"list","data":[…],"has_more":…}}. */
@JsonPropertyOrder({"object", "data", "has_more"})
public record ApiList<T>(String object, List<T> data, boolean hasMore) {

    public static <V, T> ApiList<T> of(Page<V> page, Function<V, T> render) {
        return new ApiList<>("list", page.data().stream().map(render).toList(), page.hasMore());
    }
}
