package io.outboundcalls.app.security;

import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.ProblemWriter;
import io.outboundcalls.telephony.twilio.TwilioSignature;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Twilio's requests to {@code /telephony/**} carry {@code X-Twilio-Signature}: an HMAC of the URL Twilio requested
 * (rebuilt from {@code public-base-url} with the path and raw query, never from the Host it arrived with) and of
 * the POST body's parameters. A valid one authenticates the request as Twilio's; any other request is refused 403
 * before its body reaches a controller. (The relay websocket's upgrade never gets here: its own chain lets
 * it through to the handshake, which checks the same signature over the relay URL.)
 */
final class TwilioSignatureFilter extends OncePerRequestFilter {

    private final TwilioSignature signature;
    private final String publicBaseUrl;
    private final ProblemWriter problems;

    TwilioSignatureFilter(TwilioSignature signature, String publicBaseUrl, ProblemWriter problems) {
        this.signature = signature;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String url = publicBaseUrl + request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (!signature.isValid(url, bodyParameters(request), request.getHeader("X-Twilio-Signature"))) {
            problems.write(new ApiException(HttpStatus.FORBIDDEN, "invalid_signature", null,
                    "X-Twilio-Signature is missing or does not match this request"), request, response);
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "twilio", null, List.of(SecurityConfiguration.TWILIO)));
        chain.doFilter(request, response);
    }

    /**
     * Only the body's parameters are signed (the query is part of the URL): the servlet's parameters, which
     * hold both, less the values the query string gave (the servlet lists those first).
     */
    static Map<String, List<String>> bodyParameters(HttpServletRequest request) {
        Map<String, List<String>> body = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> body.put(name, new ArrayList<>(Arrays.asList(values))));
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                List<String> values = body.get(name);
                if (values != null && !values.isEmpty()) {
                    values.remove(0);
                    if (values.isEmpty()) {
                        body.remove(name);
                    }
                }
            }
        }
        return body;
    }
}
