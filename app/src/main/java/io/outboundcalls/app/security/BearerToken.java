package io.outboundcalls.app.security;

import jakarta.servlet.http.HttpServletRequest;

/** The credential of an {@code Authorization: Bearer …} header, as the API key and operator token are sent. */
final class BearerToken {

    private static final String SCHEME = "Bearer ";

    private BearerToken() {
    }

    /** The token, trimmed; null when the header is missing or uses another scheme. */
    static String of(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? header.substring(SCHEME.length()).trim() : null;
    }
}
