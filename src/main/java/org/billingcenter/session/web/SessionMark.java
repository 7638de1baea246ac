package org.billingcenter.session.web;

import java.io.Serializable;
import java.util.UUID;
import org.billingcenter.session.SessionOwner;
import org.billingcenter.shared.TenantId;

/**
 * What a servlet session carries once registered: the registry key (a random id, never the
 * container's session id) and whose session it is.
 */
record SessionMark(UUID id, UUID tenant, String username) implements Serializable {

  static final String ATTRIBUTE = SessionMark.class.getName();

  SessionOwner owner() {
    return SessionOwner.of(tenant == null ? null : new TenantId(tenant));
  }

  TenantId tenantId() {
    return tenant == null ? null : new TenantId(tenant);
  }
}
