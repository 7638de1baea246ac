package org.billingcenter.tenant;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import org.billingcenter.shared.TenantId;

/** An organisation: whose local calendar, language and currency its billing follows. */
public record Tenant(
    TenantId id, String name, String country, Locale locale, ZoneId timeZone, Currency currency) {}
