package io.outboundcalls.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outboundcalls.query.common.ApiJson;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A read model row's API JSON, written by the API's own mapper from the response object the
 * endpoint answers with, so a projection stores exactly the bytes a response would carry.
 */
public class ResponseJson<V> implements ApiJson<V> {

    private final ObjectMapper mapper;
    private final Function<V, ?> response;

    protected ResponseJson(ObjectMapper mapper, Function<V, ?> response) {
        this.mapper = mapper;
        this.response = response;
    }

    @Override
    public String render(V view) {
        try {
            // as bytes, like a response body: Jackson's UTF-8 writer escapes characters beyond the BMP
            // (\uD83D\uDE00) where its String writer would not
            return new String(mapper.writeValueAsBytes(response.apply(view)), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + view + " as JSON", e);
        }
    }
}
