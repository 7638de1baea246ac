package org.billingcenter.admins;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How long links stay valid (settings with the defaults: invitations 7 days, resets 1 hour). */
@Component
class AdminsSettings {

  private final Duration invitationValidity;
  private final Duration resetValidity;

  AdminsSettings(@Value("${billing-center.admins.invitation-validity:P7D}") Duration invitationValidity,
      @Value("${billing-center.admins.password-reset-validity:PT1H}") Duration resetValidity) {
    this.invitationValidity = invitationValidity;
    this.resetValidity = resetValidity;
  }

  Duration invitationValidity() {
    return invitationValidity;
  }

  Duration resetValidity() {
    return resetValidity;
  }
}
