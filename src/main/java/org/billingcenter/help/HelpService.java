package org.billingcenter.help;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.billingcenter.cancellation.CancellationSettings;
import org.billingcenter.help.CancellationGuidance.Guidance;
import org.billingcenter.help.CancellationGuidance.Item;
import org.billingcenter.shared.SubscriptionId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionStatus;
import org.billingcenter.subscription.SubscriptionSummary;
import org.billingcenter.support.CallbackRequest;
import org.billingcenter.support.CallbackService;
import org.billingcenter.support.CallbackStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the organisation's subscriptions for the help panel. */
@Service
public class HelpService {

  private final SubscriptionService subscriptions;
  private final CancellationSettings settings;
  private final CallbackService callbacks;

  HelpService(SubscriptionService subscriptions, CancellationSettings settings, CallbackService callbacks) {
    this.subscriptions = subscriptions;
    this.settings = settings;
    this.callbacks = callbacks;
  }

  /** An open "Let us call you" request, as the panel names it: by its product, with its status. */
  public record WaitingCall(String subscriptionId, String productName, CallbackStatus status) {}

  /** The organisation's open callback requests, oldest first: one line each in the panel. */
  @Transactional(readOnly = true)
  public List<WaitingCall> waitingCalls(TenantId tenant) {
    List<CallbackRequest> open = callbacks.open(tenant);
    if (open.isEmpty()) {
      return List.of();
    }
    Map<SubscriptionId, String> products =
        subscriptions.list(tenant).stream()
            .collect(Collectors.toMap(s -> s.subscription().id(), SubscriptionSummary::productName));
    return open.stream()
        .map(r -> new WaitingCall(r.subscription().toString(), products.getOrDefault(r.subscription(), "—"), r.status()))
        .toList();
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
