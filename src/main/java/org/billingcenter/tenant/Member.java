package org.billingcenter.tenant;

import java.time.Instant;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.TenantId;

/** A person in a tenant who can hold licenses. */
public record Member(
    TenantId tenant, MemberId id, String displayName, String email, Instant createdAt) {}
