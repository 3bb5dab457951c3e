package io.outboundcalls.app.web;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.io.IOException;

/** Writes a {@link StoredList} answer as its bytes, with their length ({@link StoredList} says why). */
final class StoredListConverter extends AbstractHttpMessageConverter<StoredList> {

    StoredListConverter() {
        super(MediaType.APPLICATION_JSON);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return StoredList.class.equals(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected StoredList readInternal(Class<? extends StoredList> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("A stored list is never read", input);
    }

    @Override
    protected void writeInternal(StoredList list, HttpOutputMessage output) throws IOException {
        byte[] body = list.toBytes();
        output.getHeaders().setContentLength(body.length);
        output.getBody().write(body);
    }
}
