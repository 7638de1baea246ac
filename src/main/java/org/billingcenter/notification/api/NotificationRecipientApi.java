package org.billingcenter.notification.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.account.EmailAddress;
import org.billingcenter.notification.NotificationService;
import org.billingcenter.notification.Recipient;
import org.billingcenter.api.Paged;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation's additional recipients of billing notifications (its Global and Billing admins
 * with an address get them anyway). Any admin of the organisation reads the list; Billing and
 * Global admins change it.
 */
@RestController
@RequestMapping("/api/v1/billing-notifications/recipients")
class NotificationRecipientApi {

  private static final String MANAGERS = "hasAnyRole('GLOBAL_ADMIN','BILLING_ADMIN')";

  private final NotificationService notifications;

  NotificationRecipientApi(NotificationService notifications) {
    this.notifications = notifications;
  }

  record RecipientView(String id, String email, String addedBy, String addedAt) {
    static RecipientView of(Recipient r) {
      return new RecipientView(r.id().toString(), r.email(), r.addedBy(), r.addedAt().toString());
    }
  }

  record NewRecipient(
      @NotBlank @EmailAddress.Valid
          @Schema(description = "Stored in lower case; gets the organisation's language", example = "finance@example.org")
          String email) {}

  @GetMapping
  @Operation(summary = "The additional recipients, by address (at most "
      + NotificationService.MAX_RECIPIENTS + " in all).")
  ResponseEntity<List<RecipientView>> list(@CurrentTenant TenantId tenant, PageRequest page) {
    return Paged.ok(notifications.recipients(tenant, page).map(RecipientView::of));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(MANAGERS)
  @Operation(summary = "Adds a recipient; 409 RECIPIENT_ALREADY_ADDED or TOO_MANY_RECIPIENTS.")
  RecipientView add(@CurrentTenant TenantId tenant, @Valid @RequestBody NewRecipient body, Principal me) {
    return RecipientView.of(notifications.addRecipient(tenant, body.email(), me.getName()));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize(MANAGERS)
  @Operation(summary = "Removes a recipient; it gets no further mails.")
  void remove(@CurrentTenant TenantId tenant, @PathVariable UUID id, Principal me) {
    notifications.removeRecipient(tenant, id, me.getName());
  }
}
