package org.billingcenter.tenant.api;

import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.Paged;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.PaymentMethod;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewPaymentMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Payment method references: a provider token, brand, last four digits and expiry. */
@RestController
@RequestMapping("/api/v1/payment-methods")
class PaymentMethodApi {

  private final TenantService tenants;

  PaymentMethodApi(TenantService tenants) {
    this.tenants = tenants;
  }

  /** The token is never echoed back: it is a secret of the payment provider's. */
  record PaymentMethodView(String id, String brand, String last4, int expiryMonth, int expiryYear) {
    static PaymentMethodView of(PaymentMethod p) {
      return new PaymentMethodView(
          p.id().toString(), p.brand(), p.last4(), p.expiryMonth(), p.expiryYear());
    }
  }

  @GetMapping
  ResponseEntity<List<PaymentMethodView>> list(@CurrentTenant TenantId tenant, PageRequest page) {
    return Paged.ok(tenants.paymentMethods(tenant, page).map(PaymentMethodView::of));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')")
  PaymentMethodView add(
      @CurrentTenant TenantId tenant, @Valid @RequestBody NewPaymentMethod body, Principal me) {
    return PaymentMethodView.of(tenants.addPaymentMethod(tenant, body, me.getName()));
  }
}
