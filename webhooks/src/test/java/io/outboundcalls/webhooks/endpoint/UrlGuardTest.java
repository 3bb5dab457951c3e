package io.outboundcalls.webhooks.endpoint;

import io.outboundcalls.webhooks.TestProperties;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

class UrlGuardTest {

    private final UrlGuard guard = new UrlGuard(TestProperties.webhooks(false));

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook", "https://127.8.9.10/hook", "https://10.1.2.3/hook", "https://172.16.5.4/",
            "https://192.168.1.1/", "https://169.254.169.254/latest/meta-data/", "https://100.64.0.1/",
            "https://0.0.0.0/", "https://224.0.0.1/", "https://255.255.255.255/", "https://198.18.0.1/",
            "https://[::1]/hook", "https://[::]/", "https://[fe80::1]/", "https://[fc00::1]/", "https://[fd12:3456::1]/",
            "https://[ff02::1]/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:169.254.169.254]/",
            "https://[64:ff9b::a00:1]/", "https://[2002:7f00:1::]/", "https://[2001:db8::1]/",
            "https://localhost/hook", "https://localhost:8443/hook"})
    void refusesAddressesInsideTheNetwork(String url) {
        assertThat(guard.check(url)).as(url).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("url_not_public"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://0x7f000001/h", "https://0X7F000001/h", "https://2130706433/h", "https://0177.0.0.1/h",
            "https://127.0.0.01/h", "https://0x7f.0.0.1/h", "https://1.2.3.0x4/h", "https://134744072/h",
            "https://example.123/h", "https://127.1/h", "https://1.2.3.256/h"})
    void refusesNumericHostsNotInCanonicalFormWhateverTheSetting(String url) {
        assertThat(guard.check(url)).as(url).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("invalid_url"));
        UrlGuard open = new UrlGuard(TestProperties.webhooks(true));
        assertThat(open.check(url.replace("https", "http"))).as(url)
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("invalid_url"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://intranet/hook", "https://metadata/computeMetadata/v1/", "https://router./"})
    void refusesSingleLabelHosts(String url) {
        UrlGuard resolvingEverything = new UrlGuard(TestProperties.webhooks(false), resolvingTo("93.184.216.34"));
        assertThat(resolvingEverything.check(url)).as(url)
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("url_not_public"));
    }

    @Test
    void refusesNamesThatDoNotResolve() {
        // .invalid never resolves (RFC 6761), with or without a network
        assertThat(guard.check("https://hooks.nowhere.invalid/h").orElseThrow().code()).isEqualTo("url_not_resolvable");
        UrlGuard resolvingNothing = new UrlGuard(TestProperties.webhooks(false), resolvingTo());
        assertThat(resolvingNothing.check("https://hooks.example.org/h").orElseThrow().code())
                .isEqualTo("url_not_resolvable");
    }

    @Test
    void acceptsAPublicNameAndRefusesOneWithAnyPrivateAddress() {
        assertThat(new UrlGuard(TestProperties.webhooks(false), resolvingTo("93.184.216.34"))
                .check("https://hooks.example.org/h")).isEmpty();
        assertThat(new UrlGuard(TestProperties.webhooks(false), resolvingTo("93.184.216.34", "10.0.0.7"))
                .check("https://hooks.example.org/h").orElseThrow().code()).isEqualTo("url_not_public");
    }

    @Test
    void requiresHttps() {
        assertThat(guard.check("http://93.184.216.34/hook").orElseThrow().code()).isEqualTo("https_required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/x", "https:///nohost", "not a url", "/relative/path",
            "https://user:pass@93.184.216.34/"})
    void refusesMalformedUrls(String url) {
        assertThat(guard.check(url)).as(url).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("invalid_url"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook", "https://8.8.8.8:8443/x?y=1", "https://[2606:4700:4700::1111]/hook"})
    void acceptsPublicAddresses(String url) {
        assertThat(guard.check(url)).as(url).isEmpty();
    }

    @Test
    void theDevelopmentSettingAllowsHttpAndLocalAddresses() {
        UrlGuard open = new UrlGuard(TestProperties.webhooks(true));
        assertThat(open.check("http://localhost:8080/hook")).isEmpty();
        assertThat(open.check("http://127.0.0.1/hook")).isEmpty();
        assertThat(open.check("http://receiver:9000/hook")).isEmpty(); // a compose service name
        assertThat(open.check("ftp://localhost/hook")).isPresent();
    }

    /** A resolver answering every name with {@code addresses}; none means no name resolves. */
    private static DnsResolver resolvingTo(String... addresses) {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                if (addresses.length == 0) {
                    throw new UnknownHostException(host);
                }
                InetAddress[] resolved = new InetAddress[addresses.length];
                for (int i = 0; i < addresses.length; i++) {
                    resolved[i] = InetAddress.getByName(addresses[i]);
                }
                return resolved;
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
    }

    @Test
    void treatsIpv4MappedIpv6BytesAsTheIpv4AddressTheyCarry() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        mapped[12] = 10;
        mapped[15] = 1;
        // built from bytes, Java keeps it an Inet6Address instead of converting it to 10.0.0.1
        assertThat(PublicAddresses.isPublic(java.net.Inet6Address.getByAddress(null, mapped, -1))).isFalse();
        mapped[12] = 93;
        mapped[13] = (byte) 184;
        assertThat(PublicAddresses.isPublic(java.net.Inet6Address.getByAddress(null, mapped, -1))).isTrue();
        assertThat(PublicAddresses.isPublic(InetAddress.getByName("1.1.1.1"))).isTrue();
    }
}
