package org.billingcenter.help;

import java.util.List;
import org.billingcenter.cancellation.CancellationSettings;
import org.billingcenter.help.CancellationGuidance.Guidance;
import org.billingcenter.help.CancellationGuidance.Item;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionStatus;
import org.billingcenter.subscription.SubscriptionSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the organisation's subscriptions for the help panel. */
@Service
public class HelpService {

  private final SubscriptionService subscriptions;
  private final CancellationSettings settings;

  HelpService(SubscriptionService subscriptions, CancellationSettings settings) {
    this.subscriptions = subscriptions;
    this.settings = settings;
  }

  @Transactional(readOnly = true)
  public Guidance cancellationGuidance(TenantId tenant) {
    return cancellationGuidance(subscriptions.list(tenant));
  }

  /** The same, from a list the caller has already read (a page that shows it anyway). */
  public Guidance cancellationGuidance(List<SubscriptionSummary> all) {
    List<Item> current =
        all.stream()
            .filter(s -> s.subscription().status().isLive() && !s.subscription().isEnding())
            .map(s -> new Item(s.subscription().id().toString(), s.productName(),
                s.subscription().status() == SubscriptionStatus.TRIAL, s.assignedLicenses()))
            .toList();
    return CancellationGuidance.of(current, settings.licenseThreshold());
  }
}
