package io.outboundcalls.app.web;

import io.outboundcalls.app.config.OutboundCallsProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads JSON request bodies once, refusing any larger than {@code outboundcalls.max-json-body}
 * with 413 before a byte of it is parsed. Multipart uploads are bounded by Spring's multipart
 * limits instead and streamed, never held whole in memory. Runs after Spring Security's chain, so
 * a request that is not authenticated or is rate limited never has its body read.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 10) // after authentication: no body is read for a refused request
class CachedBodyFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ProblemWriter problems;

    CachedBodyFilter(OutboundCallsProperties properties, ProblemWriter problems) {
        this.maxBytes = properties.maxJsonBody().toBytes();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        String contentType = request.getContentType();
        boolean hasBodyMethod = "POST".equals(method) || "PATCH".equals(method) || "PUT".equals(method) || "DELETE".equals(method);
        boolean multipart = contentType != null && contentType.toLowerCase().startsWith("multipart/");
        return !hasBodyMethod || multipart || !isApiPath(request);
    }

    static boolean isApiPath(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/v1/") || path.startsWith("/admin/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(request, response);
            return;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (InputStream in = request.getInputStream()) {
            byte[] chunk = new byte[8192];
            int read;
            while ((read = in.read(chunk)) != -1) {
                buffer.write(chunk, 0, read);
                if (buffer.size() > maxBytes) {
                    tooLarge(request, response);
                    return;
                }
            }
        }
        chain.doFilter(new CachedBodyRequest(request, buffer.toByteArray()), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        problems.write(new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "request_too_large", null,
                "The request body exceeds the limit of " + maxBytes + " bytes"), request, response);
    }
}
