package org.billingcenter.sso;

import org.billingcenter.shared.Reason;

/** Why a single sign-on command was refused. */
public enum SsoReason implements Reason {
  /** The organisation has no provider configured. */
  SSO_NOT_CONFIGURED(Kind.NOT_FOUND),
  /** Not an absolute https URL with a host (no user:password@, query or fragment), or too long. */
  SSO_ISSUER_INVALID(Kind.INVALID),
  /** http is allowed only on loopback, and only when billing-center.sso.allow-loopback-http is on. */
  SSO_ISSUER_NOT_HTTPS(Kind.INVALID),
  /** The issuer's host is, or resolves to, a private, link-local, metadata ... address. */
  SSO_ISSUER_FORBIDDEN_ADDRESS(Kind.INVALID),
  SSO_ISSUER_UNRESOLVABLE(Kind.INVALID),
  /** A new provider needs its client secret. */
  SSO_CLIENT_SECRET_REQUIRED(Kind.INVALID),
  /** A mapping row names a claim without a value or a role, or the other way round. */
  SSO_MAPPING_INCOMPLETE(Kind.INVALID),
  /** Mappings and the default role grant organisation roles only. */
  SSO_ROLE_NOT_FOR_TENANT(Kind.INVALID),
  /** Mandatory single sign-on needs the provider enabled, or nobody could sign in. */
  SSO_MANDATORY_NEEDS_ENABLED(Kind.INVALID),
  /** Another organisation already signs in people of this e-mail domain. */
  SSO_EMAIL_DOMAIN_TAKEN(Kind.CONFLICT),
  /** The configuration changed since the page was shown. */
  SSO_CONFIGURATION_CHANGED(Kind.CONFLICT),
  /** The issuer's discovery document could not be fetched or read. */
  SSO_DISCOVERY_FAILED(Kind.INVALID),
  /** Password sign-in of an admin whose organisation signs in with single sign-on. */
  SSO_REQUIRED(Kind.FORBIDDEN);

  private final Kind kind;

  SsoReason(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
