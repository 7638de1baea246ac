package org.billingcenter.payment.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.Paged;
import org.billingcenter.payment.CardChange;
import org.billingcenter.payment.NewCard;
import org.billingcenter.payment.PaymentMethods;
import org.billingcenter.payment.PaymentMethods.Entry;
import org.billingcenter.payment.PaymentMethods.Replacement;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.PaymentMethodId;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.PaymentMethod;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payment method references (a provider token, brand, last four digits, expiry, holder name).
 * Anyone of the organisation reads them; Global and Billing admins change them. Issue 18: moved here
 * from the tenant module, with update, default, replacement for all subscriptions and removal.
 */
@RestController
@RequestMapping("/api/v1/payment-methods")
class PaymentMethodApi {

  private static final String MANAGERS = "hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')";

  private final PaymentMethods methods;

  PaymentMethodApi(PaymentMethods methods) {
    this.methods = methods;
  }

  /** The token is never echoed back: it is a secret of the payment provider's. */
  record PaymentMethodView(String id, String brand, String last4, int expiryMonth, int expiryYear,
      @Nullable String holderName,
      @Schema(description = "The method new invoices and dunning retries charge") boolean isDefault,
      @Schema(description = "Subscriptions (not deleted) that pay with it") long subscriptions) {
    static PaymentMethodView of(Entry e) {
      PaymentMethod p = e.method();
      return new PaymentMethodView(p.id().toString(), p.brand(), p.last4(), p.expiryMonth(), p.expiryYear(),
          p.holderName(), e.isDefault(), e.subscriptions());
    }
  }

  record ReplacementView(PaymentMethodView from, PaymentMethodView to,
      @Schema(description = "Subscriptions that pay (preview: would pay) with the replacement") long subscriptions,
      @Schema(description = "Whether the replacement becomes (became) the default") boolean defaultMoves) {}

  record ReplacementRequest(@NotNull @Schema(description = "The payment method that takes over") UUID replacementId) {}

  @GetMapping
  @Operation(summary = "The organisation's payment methods, the default first; removed ones are left out.")
  ResponseEntity<List<PaymentMethodView>> list(@CurrentTenant TenantId tenant, PageRequest page) {
    return Paged.ok(methods.list(tenant, page).map(PaymentMethodView::of));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(MANAGERS)
  @Operation(summary = "Adds a payment method; the organisation's first becomes its default.")
  PaymentMethodView add(@CurrentTenant TenantId tenant, @Valid @RequestBody NewCard body, Principal me) {
    return PaymentMethodView.of(methods.add(tenant, body, me.getName()));
  }

  @PatchMapping("/{id}")
  @PreAuthorize(MANAGERS)
  @Operation(summary = "Updates the expiry (this month to 20 years ahead) and the holder name "
      + "(absent: unchanged; empty: none).")
  PaymentMethodView update(@CurrentTenant TenantId tenant, @PathVariable UUID id, @Valid @RequestBody CardChange body,
      Principal me) {
    return PaymentMethodView.of(methods.update(tenant, new PaymentMethodId(id), body, me.getName()));
  }

  @PostMapping("/{id}/default")
  @PreAuthorize(MANAGERS)
  @Operation(summary = "Makes it the organisation's default payment method.")
  PaymentMethodView makeDefault(@CurrentTenant TenantId tenant, @PathVariable UUID id, Principal me) {
    return PaymentMethodView.of(methods.makeDefault(tenant, new PaymentMethodId(id), me.getName()));
  }

  @GetMapping("/{id}/replacement")
  @Operation(summary = "Preview: how many subscriptions would pay with the other method, and whether the default moves.")
  ReplacementView previewReplacement(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @Parameter(description = "The payment method that would take over (absent: 422 PAYMENT_METHOD_REPLACEMENT_INVALID)")
      @RequestParam(name = "with", required = false) @Nullable UUID replacement) {
    return view(tenant, methods.previewReplacement(tenant, new PaymentMethodId(id),
        replacement == null ? null : new PaymentMethodId(replacement)));
  }

  @PostMapping("/{id}/replacement")
  @PreAuthorize(MANAGERS)
  @Operation(summary = "Every subscription paying with it pays with the replacement; the default moves too if it was this one.")
  ReplacementView replace(@CurrentTenant TenantId tenant, @PathVariable UUID id,
      @Valid @RequestBody ReplacementRequest body, Principal me) {
    return view(tenant, methods.replace(tenant, new PaymentMethodId(id), new PaymentMethodId(body.replacementId()),
        me.getName()));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize(MANAGERS)
  @Operation(summary = "Removes it; 409 PAYMENT_METHOD_IN_USE (with subscriptions and isDefault) while "
      + "subscriptions pay with it or it is the default among others: replace it first.")
  void remove(@CurrentTenant TenantId tenant, @PathVariable UUID id, Principal me) {
    methods.remove(tenant, new PaymentMethodId(id), me.getName());
  }

  private ReplacementView view(TenantId tenant, Replacement r) {
    return new ReplacementView(PaymentMethodView.of(methods.get(tenant, r.from().id())),
        PaymentMethodView.of(methods.get(tenant, r.to().id())), r.subscriptions(), r.defaultMoves());
  }
}
