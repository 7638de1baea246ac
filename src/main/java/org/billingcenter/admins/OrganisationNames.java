package org.billingcenter.admins;

import org.billingcenter.shared.TenantId;

/**
 * The organisation's name, for the page a link opens. The tenant module provides it: admins may
 * not depend on tenant (tenant calls admins to invite an organisation's first admin).
 */
public interface OrganisationNames {

  String nameOf(TenantId tenant);
}
