package org.billingcenter.tenant;

import java.util.List;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;

/**
 * What other modules hold of a member and release when he leaves ({@link MemberLeaving}): the
 * removal's confirmation page lists it. Implemented by the modules that hold something (licensing),
 * so tenant does not depend on them.
 */
public interface MemberHoldings {

  /** A license of a subscription the member holds, named by its product. */
  record HeldLicense(SubscriptionId subscription, String productName) {}

  List<HeldLicense> licensesOf(TenantId tenant, MemberId member);
}
