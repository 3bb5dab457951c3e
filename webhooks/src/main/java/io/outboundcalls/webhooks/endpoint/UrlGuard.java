package io.outboundcalls.webhooks.endpoint;

import io.outboundcalls.webhooks.WebhookProperties;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The registration-time half of the SSRF guard: {@code https} only, and a host that is a public
 * DNS name (more than one label, resolving only to public addresses) or a public IP literal in
 * canonical form. The connection-time half ({@code GuardedDnsResolver}) checks every address again
 * before connecting, so a name that later points inside the network is refused then.
 * <p>
 * Numeric hosts other than four dotted decimals ({@code 0x7f000001}, {@code 2130706433},
 * {@code 0177.0.0.1}, {@code 127.1}) are refused even with {@code allow-private-networks}: resolvers
 * disagree on what they mean (Java reads {@code 0177} as 177, C libraries as octal 127), so no
 * check can be sure it vets the address that will be connected to.
 */
@Component
public class UrlGuard {

    /** A host that URL parsers read as an IPv4 address: its last label is a number (WHATWG URL, "ends in a number"). */
    private static final Pattern NUMERIC_LAST_LABEL = Pattern.compile("(?:[0-9]+|0[xX][0-9a-fA-F]*)");
    private static final Pattern CANONICAL_IPV4 =
            Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");

    /** Why a URL is refused; {@code code} is the problem code clients see. */
    public record Problem(String code, String detail) {
    }

    private final boolean allowPrivateNetworks;
    private final DnsResolver resolver;

    @Autowired
    public UrlGuard(WebhookProperties properties) {
        this(properties, SystemDefaultDnsResolver.INSTANCE);
    }

    UrlGuard(WebhookProperties properties, DnsResolver resolver) {
        this.allowPrivateNetworks = properties.allowPrivateNetworks();
        this.resolver = resolver;
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
        String host = hostOf(uri);
        boolean ipv6 = host.contains(":");
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String lastLabel = name.substring(name.lastIndexOf('.') + 1);
        if (!ipv6 && NUMERIC_LAST_LABEL.matcher(lastLabel).matches() && !CANONICAL_IPV4.matcher(name).matches()) {
            return problem("invalid_url", "'url' has a numeric host that is not an IPv4 address in canonical form "
                    + "(four decimal numbers 0-255 without leading zeros, such as 93.184.216.34)");
        }
        if (allowPrivateNetworks) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return problem("https_required", "Webhook URLs must use https://");
        }
        if (!ipv6 && !name.contains(".")) {
            return problem("url_not_public", "'url' has a single-label host ('" + name + "'), which names a machine "
                    + "inside a network; webhooks can only reach public DNS names");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return problem("url_not_resolvable", "The host of 'url' ('" + host + "') does not resolve; register a "
                    + "URL whose host has a public DNS record");
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
