package io.outboundcalls.webhooks.endpoint;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which IP addresses a webhook may connect to: only globally routable unicast ones. Everything
 * that could reach inside our own network (or a cloud metadata service) is refused: private,
 * loopback, link-local, unspecified, CGNAT, multicast, broadcast, documentation and other
 * reserved ranges, in IPv4 and IPv6, including IPv4 addresses embedded in IPv6 ones.
 */
public final class PublicAddresses {

    /** IPv4 ranges that are not public unicast (IANA special-purpose registry). */
    private static final String[] BLOCKED_V4 = {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.88.99.0/24",
            "192.168.0.0/16", "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
            "224.0.0.0/4", "240.0.0.0/4"};

    private PublicAddresses() {
    }

    public static boolean isPublic(InetAddress address) {
        if (address instanceof Inet4Address) {
            return isPublicV4(address.getAddress());
        }
        if (address instanceof Inet6Address) {
            return isPublicV6(address.getAddress());
        }
        return false;
    }

    private static boolean isPublicV4(byte[] a) {
        int ip = ((a[0] & 0xFF) << 24) | ((a[1] & 0xFF) << 16) | ((a[2] & 0xFF) << 8) | (a[3] & 0xFF);
        for (String cidr : BLOCKED_V4) {
            if (inRange(ip, cidr)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPublicV6(byte[] a) {
        if (isZero(a, 0, 10) && (a[10] & 0xFF) == 0xFF && (a[11] & 0xFF) == 0xFF) {
            return isPublicV4(tail(a, 12)); // IPv4-mapped ::ffff:a.b.c.d
        }
        if ((a[0] & 0xFF) == 0x00 && (a[1] & 0xFF) == 0x64 && (a[2] & 0xFF) == 0xFF && (a[3] & 0xFF) == 0x9B
                && isZero(a, 4, 12)) {
            return isPublicV4(tail(a, 12)); // NAT64 64:ff9b::a.b.c.d
        }
        if ((a[0] & 0xFF) == 0x20 && (a[1] & 0xFF) == 0x02) {
            return isPublicV4(new byte[]{a[2], a[3], a[4], a[5]}); // 6to4 2002:a.b.c.d::
        }
        // only global unicast 2000::/3 is public; this excludes ::, ::1, IPv4-compatible,
        // fc00::/7 (unique local), fe80::/10 (link-local), fec0::/10 (site-local), ff00::/8 (multicast)
        if ((a[0] & 0xE0) != 0x20) {
            return false;
        }
        boolean ietfProtocols = (a[0] & 0xFF) == 0x20 && (a[1] & 0xFF) == 0x01 && (a[2] & 0xFE) == 0x00; // 2001::/23, incl. Teredo
        boolean documentation = (a[0] & 0xFF) == 0x20 && (a[1] & 0xFF) == 0x01 && (a[2] & 0xFF) == 0x0D && (a[3] & 0xFF) == 0xB8;
        return !ietfProtocols && !documentation;
    }

    private static boolean inRange(int ip, String cidr) {
        int slash = cidr.indexOf('/');
        int bits = Integer.parseInt(cidr.substring(slash + 1));
        byte[] base;
        try {
            base = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        int network = ((base[0] & 0xFF) << 24) | ((base[1] & 0xFF) << 16) | ((base[2] & 0xFF) << 8) | (base[3] & 0xFF);
        int mask = bits == 0 ? 0 : -1 << (32 - bits);
        return (ip & mask) == (network & mask);
    }

    private static boolean isZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] tail(byte[] a, int from) {
        return new byte[]{a[from], a[from + 1], a[from + 2], a[from + 3]};
    }
}
