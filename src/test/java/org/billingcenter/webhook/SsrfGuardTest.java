package org.billingcenter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SsrfGuardTest {

  /** Literals resolve to themselves; two names are served by this fake DNS; the rest are unknown. */
  private static final SsrfGuard.Resolver DNS = host -> {
    Map<String, String[]> names = Map.of(
        "hooks.example.com", new String[] {"93.184.215.14"},
        "rebound.example.com", new String[] {"93.184.215.14", "10.1.2.3"});
    if (names.containsKey(host)) {
      String[] ips = names.get(host);
      InetAddress[] out = new InetAddress[ips.length];
      for (int i = 0; i < ips.length; i++) {
        out[i] = InetAddress.getByName(ips[i]);
      }
      return out;
    }
    if (host.matches("[0-9a-f.:]+")) {
      return new InetAddress[] {InetAddress.getByName(host)};
    }
    throw new UnknownHostException(host);
  };

  private static Optional<WebhookReason> check(String url) {
    return SsrfGuard.refusal(url, false, DNS);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://127.0.0.1/hook", "https://127.255.0.9/", "https://10.0.0.1/", "https://10.255.255.255:8443/x",
      "https://172.16.0.1/", "https://172.31.255.1/", "https://192.168.1.1/", "https://100.64.0.1/",
      "https://100.127.255.254/", "https://169.254.169.254/latest/meta-data/", "https://169.254.1.1/",
      "https://0.0.0.0/", "https://0.1.2.3/", "https://224.0.0.1/", "https://239.255.255.250/", "https://255.255.255.255/",
      "https://[::1]/", "https://[::]/", "https://[fc00::1]/", "https://[fd12:3456::1]/", "https://[fe80::1]/",
      "https://[ff02::1]/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:10.0.0.1]/",
      "https://[::ffff:169.254.169.254]/", "https://[::127.0.0.1]/", "https://[64:ff9b::a00:1]/",
      "https://[2002:c0a8:101::1]/", "https://[fd00:ec2::254]/", "https://rebound.example.com/"})
  void addresses_that_are_not_public_are_refused(String url) {
    assertThat(check(url)).as(url).contains(WebhookReason.WEBHOOK_URL_FORBIDDEN_ADDRESS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://metadata.google.internal/computeMetadata/v1/", "https://METADATA.google.internal./",
      "https://metadata/"})
  void metadata_names_are_refused_before_any_lookup(String url) {
    assertThat(SsrfGuard.refusal(url, true, host -> {
      throw new AssertionError("looked up " + host);
    })).contains(WebhookReason.WEBHOOK_URL_FORBIDDEN_ADDRESS);
  }

  @ParameterizedTest
  @CsvSource({
      "https://hooks.example.com/billing, ",
      "https://93.184.215.14:9443/any/port, ",
      "https://[2606:4700::1111]/, ",
      "http://hooks.example.com/, WEBHOOK_URL_NOT_HTTPS",
      "ftp://hooks.example.com/, WEBHOOK_URL_INVALID",
      "https://user:pw@hooks.example.com/, WEBHOOK_URL_INVALID",
      "https://user@hooks.example.com/, WEBHOOK_URL_INVALID",
      "/relative/path, WEBHOOK_URL_INVALID",
      "https://, WEBHOOK_URL_INVALID",
      "https://exa mple.com/, WEBHOOK_URL_INVALID",
      "https://nowhere.invalid/, WEBHOOK_URL_UNRESOLVABLE"})
  void the_url_itself_is_checked(String url, WebhookReason expected) {
    assertThat(check(url)).isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void a_url_longer_than_2000_characters_is_refused() {
    String path = "a".repeat(2000);
    assertThat(check("https://hooks.example.com/" + path)).contains(WebhookReason.WEBHOOK_URL_INVALID);
    assertThat(check("https://hooks.example.com/" + path.substring(0, 2000 - 26))).isEmpty();
  }

  @Test
  void the_development_setting_allows_http_and_private_addresses_but_never_metadata() {
    assertThat(SsrfGuard.refusal("http://127.0.0.1:8080/hook", true, DNS)).isEmpty();
    assertThat(SsrfGuard.refusal("http://10.0.0.1/", true, DNS)).isEmpty();
    assertThat(SsrfGuard.refusal("http://169.254.169.254/", true, DNS)).contains(WebhookReason.WEBHOOK_URL_FORBIDDEN_ADDRESS);
    assertThat(SsrfGuard.refusal("https://[::ffff:169.254.169.254]/", true, DNS))
        .contains(WebhookReason.WEBHOOK_URL_FORBIDDEN_ADDRESS);
  }
}
