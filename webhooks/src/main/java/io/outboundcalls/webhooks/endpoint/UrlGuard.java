package io.outboundcalls.webhooks.endpoint;

import io.outboundcalls.webhooks.WebhookProperties;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The registration-time half of the SSRF guard: {@code https} only, and a host that is not, and
 * does not resolve to, a non-public address. A name that does not resolve yet is accepted: the
 * connection-time half ({@code GuardedDnsResolver}) checks every address again before connecting,
 * so a name that later points inside the network is refused then.
 */
@Component
public class UrlGuard {

    /** Why a URL is refused; {@code code} is the problem code clients see. */
    public record Problem(String code, String detail) {
    }

    private final boolean allowPrivateNetworks;

    public UrlGuard(WebhookProperties properties) {
        this.allowPrivateNetworks = properties.allowPrivateNetworks();
    }

    public Optional<Problem> check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return problem("invalid_url", "'url' is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return problem("invalid_url", "'url' must be an absolute https:// URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return problem("invalid_url", "'url' must not contain credentials");
        }
        if (allowPrivateNetworks) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return problem("https_required", "Webhook URLs must use https://");
        }
        String host = hostOf(uri);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (!PublicAddresses.isPublic(address)) {
                return problem("url_not_public", "'url' points to a private, loopback, link-local or reserved address ("
                        + address.getHostAddress() + "); webhooks can only reach public hosts");
            }
        }
        return Optional.empty();
    }

    /** The host without IPv6 brackets, as the resolver expects it. */
    static String hostOf(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static Optional<Problem> problem(String code, String detail) {
        return Optional.of(new Problem(code, detail));
    }
}
