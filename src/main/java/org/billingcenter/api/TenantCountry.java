package org.billingcenter.api;

import org.billingcenter.shared.TenantId;

/**
 * Where an organisation is (ISO 3166 country), for formats. The tenant module provides it, so this
 * shared package needs no dependency on the tenant module (which depends on it).
 */
public interface TenantCountry {

  String countryOf(TenantId tenant);
}
