package org.billingcenter.admins;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.Role;
import org.billingcenter.shared.TenantId;

/** A pending invitation: who is invited, with which roles, by whom, until when. Never its token. */
public record Invitation(TenantId tenant, UUID id, String email, String displayName, Set<Role> roles, Locale locale,
    String invitedBy, Instant createdAt, Instant expiresAt) {

  public Invitation {
    roles = Set.copyOf(roles);
  }
}
