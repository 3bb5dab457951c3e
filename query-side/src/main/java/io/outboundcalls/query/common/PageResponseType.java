package io.outboundcalls.query.common;

import org.axonframework.messaging.responsetypes.AbstractResponseType;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Axon's instance response type only matches handlers returning a plain class; list query
 * handlers return {@code Page<SomeView>}, so this one matches that parameterized type.
 */
public final class PageResponseType<T> extends AbstractResponseType<Page<T>> {

    private PageResponseType(Class<T> itemType) {
        super(itemType);
    }

    public static <T> PageResponseType<T> pageOf(Class<T> itemType) {
        return new PageResponseType<>(itemType);
    }

    @Override
    public boolean matches(Type responseType) {
        Type unwrapped = unwrapIfTypeFuture(responseType);
        return unwrapped instanceof ParameterizedType parameterized
                && parameterized.getRawType() == Page.class
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> item
                && expectedResponseType.isAssignableFrom(item);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<Page<T>> responseMessagePayloadType() {
        return (Class<Page<T>>) (Class<?>) Page.class;
    }
}
