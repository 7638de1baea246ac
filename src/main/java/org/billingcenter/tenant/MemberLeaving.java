package org.billingcenter.tenant;

import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.TenantId;

/**
 * A member is being removed: published inside the removing transaction, before the member's row is
 * deleted, so modules that hold something of his (licensing: his license assignments) let go of it
 * in the same transaction. Tenant knows nothing of those modules; they listen.
 */
public record MemberLeaving(TenantId tenant, MemberId member, String actor) {}
