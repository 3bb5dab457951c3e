package io.outboundcalls.telephony.twilio;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Twilio-Signature} as Twilio's own {@code RequestValidator} does: HMAC-SHA1 with the auth
 * token over the URL Twilio requested followed by every POST parameter sorted by name as {@code name + value};
 * the URL is also accepted with its default port added or removed. A JSON body is covered instead by the
 * {@code bodySHA256} query parameter, a hex SHA-256 of the body, over the signed URL.
 */
public final class TwilioSignature {

    private final byte[] authToken;

    public TwilioSignature(String authToken) {
        this.authToken = authToken.getBytes(StandardCharsets.UTF_8);
    }

    /** A form post (or a request with no body: a websocket handshake, a GET). Parameters may repeat. */
    public boolean isValid(String url, Map<String, List<String>> parameters, String signature) {
        if (signature == null || signature.isEmpty()) {
            return false;
        }
        return matches(sign(url, parameters), signature) || matches(sign(withOtherPortForm(url), parameters), signature);
    }

    /** A JSON post: the URL carries {@code bodySHA256}, which must be the body's hash. */
    public boolean isValidJson(String url, byte[] body, String signature) {
        String query = URI.create(url).getRawQuery();
        String expected = query == null ? null : queryParameter(query, "bodySHA256");
        return expected != null && isValid(url, Map.of(), signature)
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), sha256Hex(body).getBytes(StandardCharsets.US_ASCII));
    }

    /** The signature Twilio would send for this request. */
    public String sign(String url, Map<String, List<String>> parameters) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, values) -> values.stream().sorted().forEach(value -> data.append(name).append(value)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JRE", e);
        }
    }

    private static boolean matches(String computed, String received) {
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII), received.getBytes(StandardCharsets.US_ASCII));
    }

    /** The same URL with its scheme's default port written out when absent, or removed when present. */
    static String withOtherPortForm(String url) {
        URI uri = URI.create(url);
        int defaultPort = switch (uri.getScheme()) {
            case "https", "wss" -> 443;
            case "http", "ws" -> 80;
            default -> -1;
        };
        if (defaultPort < 0 || (uri.getPort() != -1 && uri.getPort() != defaultPort)) {
            return url;
        }
        String authority = uri.getRawAuthority();
        String otherAuthority = uri.getPort() == -1 ? authority + ":" + defaultPort : authority.substring(0, authority.lastIndexOf(':'));
        int start = url.indexOf(authority);
        return url.substring(0, start) + otherAuthority + url.substring(start + authority.length());
    }

    private static String queryParameter(String rawQuery, String name) {
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
