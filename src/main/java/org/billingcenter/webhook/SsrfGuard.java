package org.billingcenter.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps webhooks from reaching into the operator's own network (server-side request forgery): a
 * URL is refused when its host is, or resolves to, ANY address that is not public. Checked at
 * registration and again before every delivery, because DNS answers can change. Pure: the resolver
 * is a parameter.
 */
public final class SsrfGuard {

  /** Host name to addresses; {@link InetAddress#getAllByName} in production. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  public static final int MAX_URL_LENGTH = 2000;

  /** Cloud metadata services: refused even when private targets are allowed. */
  private static final Set<String> METADATA_NAMES =
      Set.of("metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal");

  private SsrfGuard() {}

  /** Empty when {@code url} may be called; else why not. */
  public static Optional<WebhookReason> refusal(String url, boolean allowPrivate, Resolver resolver) {
    URI uri;
    try {
      uri = url == null || url.length() > MAX_URL_LENGTH ? null : new URI(url.strip());
    } catch (URISyntaxException e) {
      uri = null;
    }
    if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null
        || !(("https".equalsIgnoreCase(uri.getScheme())) || "http".equalsIgnoreCase(uri.getScheme()))) {
      return Optional.of(WebhookReason.WEBHOOK_URL_INVALID);
    }
    if (!allowPrivate && !"https".equalsIgnoreCase(uri.getScheme())) {
      return Optional.of(WebhookReason.WEBHOOK_URL_NOT_HTTPS);
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    host = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    if (METADATA_NAMES.contains(host)) {
      return Optional.of(WebhookReason.WEBHOOK_URL_FORBIDDEN_ADDRESS);
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException | SecurityException e) {
      return Optional.of(WebhookReason.WEBHOOK_URL_UNRESOLVABLE);
    }
    if (addresses == null || addresses.length == 0) {
      return Optional.of(WebhookReason.WEBHOOK_URL_UNRESOLVABLE);
    }
    for (InetAddress address : addresses) {
      if (isMetadata(address) || (!allowPrivate && !isPublic(address))) {
        return Optional.of(WebhookReason.WEBHOOK_URL_FORBIDDEN_ADDRESS);
      }
    }
    return Optional.empty();
  }

  /** 169.254.169.254 (AWS, GCP, Azure ...) and AWS's IPv6 fd00:ec2::254, in any form. */
  static boolean isMetadata(InetAddress address) {
    byte[] v4 = embeddedV4(address);
    if (v4 != null) {
      return (v4[0] & 0xff) == 169 && (v4[1] & 0xff) == 254 && (v4[2] & 0xff) == 169 && (v4[3] & 0xff) == 254;
    }
    byte[] b = address.getAddress();
    return (b[0] & 0xff) == 0xfd && b[1] == 0 && (b[2] & 0xff) == 0x0e && (b[3] & 0xff) == 0xc2
        && b[15] == (byte) 0x54 && (b[14] & 0xff) == 0x02;
  }

  /** True only for globally routable unicast addresses. */
  static boolean isPublic(InetAddress address) {
    byte[] v4 = embeddedV4(address);
    if (v4 != null) {
      return isPublicV4(v4);
    }
    byte[] b = address.getAddress();
    int first = b[0] & 0xff;
    boolean unspecifiedOrLoopback = address.isAnyLocalAddress() || address.isLoopbackAddress();
    boolean uniqueLocal = (first & 0xfe) == 0xfc; // fc00::/7
    boolean linkOrSiteLocal = first == 0xfe && (b[1] & 0xc0) != 0; // fe80::/10, fec0::/10
    boolean multicast = first == 0xff;
    boolean documentation = first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8;
    return !(unspecifiedOrLoopback || uniqueLocal || linkOrSiteLocal || multicast || documentation || first == 0);
  }

  private static boolean isPublicV4(byte[] a) {
    int x = a[0] & 0xff;
    int y = a[1] & 0xff;
    return !(x == 0 // "this network", 0.0.0.0
        || x == 10 // private
        || x == 127 // loopback
        || (x == 100 && y >= 64 && y <= 127) // carrier-grade NAT 100.64/10
        || (x == 169 && y == 254) // link-local, metadata
        || (x == 172 && y >= 16 && y <= 31) // private
        || (x == 192 && y == 168) // private
        || (x == 192 && y == 0 && (a[2] & 0xff) == 0) // IETF protocol assignments
        || (x == 198 && (y == 18 || y == 19)) // benchmarking
        || x >= 224); // multicast 224/4, reserved 240/4, broadcast 255.255.255.255
  }

  /**
   * The IPv4 address an address stands for: itself, or one carried in IPv6 as IPv4-mapped
   * (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002:ab:cd::/16).
   * Null for a plain IPv6 address.
   */
  static byte[] embeddedV4(InetAddress address) {
    if (address instanceof Inet4Address) {
      return address.getAddress();
    }
    byte[] b = address.getAddress();
    if (!(address instanceof Inet6Address) || b.length != 16) {
      return null;
    }
    boolean zeros80 = true;
    for (int i = 0; i < 10; i++) {
      zeros80 &= b[i] == 0;
    }
    boolean mapped = zeros80 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = zeros80 && b[10] == 0 && b[11] == 0; // also :: and ::1, as 0.0.0.0 and 0.0.0.1
    boolean nat64 = b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12);
    if (mapped || compatible || nat64) {
      return new byte[] {b[12], b[13], b[14], b[15]};
    }
    if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
      return new byte[] {b[2], b[3], b[4], b[5]};
    }
    return null;
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
