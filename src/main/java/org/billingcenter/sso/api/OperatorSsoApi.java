package org.billingcenter.sso.api;

import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.shared.TenantId;
import org.billingcenter.sso.SsoService;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operator's way back when an organisation's provider is broken and its single sign-on is mandatory. */
@RestController
@PreAuthorize("hasRole('OPERATOR')")
class OperatorSsoApi {

  private final SsoService sso;

  OperatorSsoApi(SsoService sso) {
    this.sso = sso;
  }

  @DeleteMapping("/api/v1/operator/tenants/{tenantId}/sso/mandatory")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Turns the organisation's mandatory single sign-on off (audited in its trail): its admins "
      + "may sign in with their passwords again. 404 SSO_NOT_CONFIGURED when it has no provider.")
  void turnOffMandatory(@PathVariable UUID tenantId, @AuthenticationPrincipal SignedInAccount me) {
    sso.turnOffMandatory(new TenantId(tenantId), me.getUsername());
  }
}
