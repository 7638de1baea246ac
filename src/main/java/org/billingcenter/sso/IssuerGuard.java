package org.billingcenter.sso;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.billingcenter.webhook.SsrfGuard;

/**
 * Which issuer URLs the service may fetch discovery documents, keys and tokens from: https on a
 * public address (webhooks' {@link SsrfGuard} decides what is public); with
 * {@code allow-loopback-http}, also http on a loopback address (tests and development). Pure: the
 * resolver is a parameter.
 */
final class IssuerGuard {

  private IssuerGuard() {}

  static Optional<SsoReason> refusal(String issuer, boolean allowLoopbackHttp, SsrfGuard.Resolver resolver) {
    URI uri;
    try {
      uri = issuer == null || issuer.length() > 500 ? null : new URI(issuer.strip());
    } catch (URISyntaxException e) {
      uri = null;
    }
    if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null
        || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      return Optional.of(SsoReason.SSO_ISSUER_INVALID);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Optional.of(SsoReason.SSO_ISSUER_INVALID);
    }
    if (scheme.equals("http")) {
      if (!allowLoopbackHttp) {
        return Optional.of(SsoReason.SSO_ISSUER_NOT_HTTPS);
      }
      try {
        InetAddress[] addresses = resolver.resolve(host(uri));
        if (addresses == null || addresses.length == 0) {
          return Optional.of(SsoReason.SSO_ISSUER_UNRESOLVABLE);
        }
        for (InetAddress address : addresses) {
          if (!address.isLoopbackAddress()) {
            return Optional.of(SsoReason.SSO_ISSUER_NOT_HTTPS);
          }
        }
      } catch (UnknownHostException | SecurityException e) {
        return Optional.of(SsoReason.SSO_ISSUER_UNRESOLVABLE);
      }
    }
    return SsrfGuard.refusal(uri.toString(), allowLoopbackHttp, resolver).map(reason -> switch (reason) {
      case WEBHOOK_URL_UNRESOLVABLE -> SsoReason.SSO_ISSUER_UNRESOLVABLE;
      case WEBHOOK_URL_FORBIDDEN_ADDRESS -> SsoReason.SSO_ISSUER_FORBIDDEN_ADDRESS;
      case WEBHOOK_URL_NOT_HTTPS -> SsoReason.SSO_ISSUER_NOT_HTTPS;
      default -> SsoReason.SSO_ISSUER_INVALID;
    });
  }

  private static String host(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }
}
