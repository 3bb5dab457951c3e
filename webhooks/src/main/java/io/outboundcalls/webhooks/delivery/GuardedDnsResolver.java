package io.outboundcalls.webhooks.delivery;

import io.outboundcalls.webhooks.endpoint.PublicAddresses;
import org.apache.hc.client5.http.DnsResolver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The connection-time half of the SSRF guard. The HTTP client connects only to addresses this
 * resolver returns, so filtering here means the vetted address is the one connected to: a name
 * that resolved to a public address at registration and to 169.254.169.254 now (DNS rebinding)
 * is refused, and so is an IP literal that slipped past registration.
 */
final class GuardedDnsResolver implements DnsResolver {

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] all = InetAddress.getAllByName(stripBrackets(host));
        InetAddress[] allowed = Arrays.stream(all).filter(PublicAddresses::isPublic).toArray(InetAddress[]::new);
        if (allowed.length == 0) {
            throw new UnknownHostException(host + " resolves only to private or reserved addresses: refused");
        }
        return allowed;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host)).map(address -> new InetSocketAddress(address, port)).toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return resolve(host)[0].getCanonicalHostName();
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
