package io.outboundcalls.app.web;

import io.outboundcalls.command.account.AccountRegistry.Principal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Stripe's Idempotency-Key semantics on every POST: the same key with the same request replays
 * the first answer (status and body, with {@code Idempotent-Replayed: true}); with a different
 * request it is 422 {@code idempotency_key_reused}; while the first is still running, 409.
 * Keys are per account and kept 24 hours. Server errors (5xx) are not remembered, so they can be retried.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 20) // after authentication and rate limits, after the body is read
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyStore store;
    private final ProblemWriter problems;

    IdempotencyFilter(IdempotencyStore store, ProblemWriter problems) {
        this.store = store;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !CachedBodyFilter.isApiPath(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            problems.write(ApiException.badRequest("invalid_idempotency_key", HEADER,
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters"), request, response);
            return;
        }
        Principal principal = ApiPrincipals.of(request);
        String scope = principal != null ? principal.accountId() : "admin";
        String fingerprint = fingerprint(request);

        if (!store.claim(scope, key, fingerprint)) {
            Optional<IdempotencyStore.Stored> stored = store.find(scope, key);
            if (stored.isEmpty()) { // expired between the two statements: treat as new
                if (!store.claim(scope, key, fingerprint)) {
                    inUse(request, response);
                    return;
                }
            } else if (!stored.get().fingerprint().equals(fingerprint)) {
                problems.write(new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency_key_reused", HEADER,
                        "This Idempotency-Key was already used with a different request"), request, response);
                return;
            } else if (stored.get().done()) {
                replay(stored.get(), response);
                return;
            } else if (!store.takeOver(scope, key, fingerprint)) {
                inUse(request, response);
                return;
            }
        }

        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(request, wrapper);
            completed = true;
        } finally {
            int status = wrapper.getStatus();
            if (completed && status < 500) {
                store.complete(scope, key, status, wrapper.getContentType(), wrapper.getContentAsByteArray());
            } else {
                store.release(scope, key);
            }
            wrapper.copyBodyToResponse();
        }
    }

    private void inUse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(new ApiException(HttpStatus.CONFLICT, "idempotency_key_in_use", HEADER,
                "A request with this Idempotency-Key is still being processed; retry later"), request, response);
    }

    private static void replay(IdempotencyStore.Stored stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        response.setHeader("Idempotent-Replayed", "true");
        if (stored.body() != null) {
            response.setContentLength(stored.body().length);
            response.getOutputStream().write(stored.body());
        }
    }

    /** Method, path and body; for uploads, each part's name, filename and content (not the boundary). */
    private static String fingerprint(HttpServletRequest request) throws IOException, ServletException {
        MessageDigest digest = sha256();
        digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        byte[] body = CachedBodyRequest.bodyOf(request);
        if (body != null) {
            digest.update(body);
        } else if (request.getContentType() != null && request.getContentType().toLowerCase().startsWith("multipart/")) {
            for (Part part : request.getParts()) {
                digest.update((part.getName() + "\n" + part.getSubmittedFileName() + "\n").getBytes(StandardCharsets.UTF_8));
                try (InputStream in = part.getInputStream()) {
                    byte[] buffer = new byte[65536];
                    int read;
                    while ((read = in.read(buffer)) != -1) {
                        digest.update(buffer, 0, read);
                    }
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
