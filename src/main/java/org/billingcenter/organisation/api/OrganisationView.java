package org.billingcenter.organisation.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.billingcenter.api.MoneyView;
import org.billingcenter.organisation.Organisation;
import org.jspecify.annotations.Nullable;

/** An organisation as the operator's API shows it, in the list and alone. */
record OrganisationView(
    String id,
    String name,
    String country,
    String locale,
    String timeZone,
    String currency,
    Instant createdAt,
    @Schema(description = "Live subscriptions: in trial or active")
    long subscriptions,
    @Schema(description = "Monthly recurring revenue per currency: each active subscription's unit price × quantity "
        + "per month (annual plans a twelfth, rounded once per currency)")
    List<MoneyView> mrr,
    Organisation.Status status,
    @Schema(description = "Present while suspended") @Nullable SuspensionView suspension) {

  record SuspensionView(Instant suspendedAt, String suspendedBy, String reason) {}

  static OrganisationView of(Organisation o) {
    var t = o.tenant();
    var s = o.suspension();
    return new OrganisationView(t.id().toString(), t.name(), t.country(), t.locale().toLanguageTag(),
        t.timeZone().getId(), t.currency().getCurrencyCode(), o.createdAt(), o.subscriptions(),
        o.mrr().stream().map(MoneyView::of).toList(), o.status(),
        s == null ? null : new SuspensionView(s.at(), s.by(), s.reason()));
  }
}
