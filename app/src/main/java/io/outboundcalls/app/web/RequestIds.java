package io.outboundcalls.app.web;

import jakarta.servlet.http.HttpServletRequest;

/** Where the current request's id lives while it is served. */
public final class RequestIds {

    public static final String ATTRIBUTE = "outboundcalls.requestId";
    public static final String HEADER = "Request-Id";

    private RequestIds() {
    }

    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? null : id.toString();
    }
}
