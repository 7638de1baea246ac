package org.billingcenter.billing.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.billingcenter.api.MoneyView;
import org.billingcenter.billing.BillingReason;
import org.billingcenter.billing.InvoiceDocument;
import org.billingcenter.billing.InvoiceVoids;
import org.billingcenter.billing.InvoiceVoids.VoidPreview;
import org.billingcenter.billing.InvoiceVoids.VoidRequest;
import org.billingcenter.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 16: the operator's view of any organisation's invoice, and voiding an issued invoice nobody
 * has paid. GET .../void answers what the void would do (or the refusal as problem+json); POST
 * does exactly that, once (Idempotency-Key honoured; without one a second POST gets 409
 * INVOICE_ALREADY_VOID).
 */
@RestController
@RequestMapping("/api/v1/operator/tenants/{tenantId}/invoices/{invoiceId}")
@PreAuthorize("hasRole('OPERATOR')")
class InvoiceVoidApi {

  /** The invoice, and whether it may be voided ({@code voidRefusal}: the code why not, else absent). */
  record OperatorInvoiceView(InvoiceApi.InvoiceView invoice, boolean voidable, @Nullable String voidRefusal) {}

  record ReturnedCreditView(String creditId, String subscriptionId, MoneyView amount) {}

  /**
   * What the void does. {@code forgiven}: what the invoice asked to be paid; {@code withdrawn}: the
   * collection pending settlement withdrawn, if any; {@code creditsReturned}: credits it absorbed,
   * pending again and returned on {@code creditsReturnOn} (the organisation's next billing date).
   */
  record VoidView(InvoiceApi.InvoiceView invoice, MoneyView forgiven, @Nullable MoneyView withdrawn,
      List<ReturnedCreditView> creditsReturned, @Nullable LocalDate creditsReturnOn) {
    static VoidView of(VoidPreview p, @Nullable InvoiceDocument after) {
      return new VoidView(InvoiceApi.InvoiceView.of(after == null ? p.invoice() : after), MoneyView.of(p.forgiven()),
          p.withdrawn() == null ? null : MoneyView.of(p.withdrawn()),
          p.creditsReturned().stream().map(c -> new ReturnedCreditView(c.credit().toString(),
              c.subscription().toString(), MoneyView.of(c.amount()))).toList(), p.returnOn());
    }
  }

  private final InvoiceVoids voids;

  InvoiceVoidApi(InvoiceVoids voids) {
    this.voids = voids;
  }

  @GetMapping
  @Operation(summary = "One organisation's invoice, as the operator sees it, with whether it may be voided")
  OperatorInvoiceView invoice(@PathVariable UUID tenantId, @PathVariable UUID invoiceId) {
    InvoiceDocument d = voids.invoice(new TenantId(tenantId), invoiceId);
    BillingReason refusal = InvoiceVoids.refusal(d);
    return new OperatorInvoiceView(InvoiceApi.InvoiceView.of(d), refusal == null, refusal == null ? null : refusal.code());
  }

  @GetMapping("/void")
  @Operation(summary = "Preview: what voiding this invoice would do (409 with the reason when it may not be voided)")
  @ApiResponse(responseCode = "200", description = "What the void would do.")
  @ApiResponse(responseCode = "409", description = "It may not be voided: INVOICE_VOID_PAID, INVOICE_ALREADY_VOID,"
      + " INVOICE_VOID_CREDIT_NOTE or INVOICE_VOID_NOT_ISSUED.",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
  VoidView preview(@PathVariable UUID tenantId, @PathVariable UUID invoiceId) {
    return VoidView.of(voids.preview(new TenantId(tenantId), invoiceId), null);
  }

  @PostMapping("/void")
  @Operation(summary = "Void an issued, unpaid invoice: exactly what the preview says; the reason goes to the audit")
  VoidView voidInvoice(@PathVariable UUID tenantId, @PathVariable UUID invoiceId,
      @Valid @RequestBody VoidRequest body, Principal me) {
    TenantId tenant = new TenantId(tenantId);
    VoidPreview done = voids.voidInvoice(tenant, invoiceId, body, me.getName());
    return VoidView.of(done, voids.invoice(tenant, invoiceId));
  }
}
