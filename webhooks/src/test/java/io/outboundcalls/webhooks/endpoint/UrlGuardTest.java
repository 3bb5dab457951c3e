package io.outboundcalls.webhooks.endpoint;

import io.outboundcalls.webhooks.TestProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;

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
            "https://localhost/hook", "https://localhost:8443/hook", "https://2130706433/"})
    void refusesAddressesInsideTheNetwork(String url) {
        assertThat(guard.check(url)).as(url).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("url_not_public"));
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
        assertThat(open.check("ftp://localhost/hook")).isPresent();
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
