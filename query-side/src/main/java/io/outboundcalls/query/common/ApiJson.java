package io.outboundcalls.query.common;

/**
 * Renders a read model's row as the API's JSON object. The edge implements it with the very mapper and
 * response type it answers with, so a projection can store each row's JSON when it writes the row and
 * a list is then the stored bytes (see {@link StoredJson}).
 *
 * @param <V> the view a row maps to
 */
@FunctionalInterface
public interface ApiJson<V> {

    String render(V view);
}
