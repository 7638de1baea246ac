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
import org.jspecify.annotations.Nullable;
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

  /** The panel's two parts: its guidance and the open callback requests, one line each. */
  public record Panel(Guidance guidance, List<WaitingCall> waitingCalls) {}

  /**
   * The panel in one read-only transaction (it was two, the second reading every subscription again
   * when a callback was open). {@code everySubscription}: the organisation's whole list if the caller
   * has read it already (the products page, when they fit one page), else null and it is read here.
   */
  @Transactional(readOnly = true)
  public Panel panel(TenantId tenant, @Nullable List<SubscriptionSummary> everySubscription) {
    List<SubscriptionSummary> all = everySubscription != null ? everySubscription : subscriptions.list(tenant);
    return new Panel(cancellationGuidance(all), waitingCalls(callbacks.open(tenant), all));
  }

  /** The open callback requests, oldest first, named by their product. */
  private static List<WaitingCall> waitingCalls(List<CallbackRequest> open, List<SubscriptionSummary> all) {
    if (open.isEmpty()) {
      return List.of();
    }
    Map<SubscriptionId, String> products =
        all.stream().collect(Collectors.toMap(s -> s.subscription().id(), SubscriptionSummary::productName));
    return open.stream()
        .map(r -> new WaitingCall(r.subscription().toString(), products.getOrDefault(r.subscription(), "—"), r.status()))
        .toList();
  }

  /** Weighs the live subscriptions that are not already ending against the license threshold. */
  private Guidance cancellationGuidance(List<SubscriptionSummary> all) {
    List<Item> current =
        all.stream()
            .filter(s -> s.subscription().status().isLive() && !s.subscription().isEnding())
            .map(s -> new Item(s.subscription().id().toString(), s.productName(),
                s.subscription().status() == SubscriptionStatus.TRIAL, s.assignedLicenses()))
            .toList();
    return CancellationGuidance.of(current, settings.licenseThreshold());
  }
}
