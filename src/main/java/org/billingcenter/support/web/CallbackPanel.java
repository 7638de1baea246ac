package org.billingcenter.support.web;

import java.time.LocalDateTime;
import org.billingcenter.support.CallbackRequest;

/**
 * A subscription's newest callback request as the organisation's pages show it: when it was made on
 * the organisation's own clock, and whether the signed-in account may withdraw it.
 */
public record CallbackPanel(CallbackRequest request, LocalDateTime madeAt, boolean withdrawable) {

  /** While open (requested, or an engineer is on it), a second request is not offered. */
  public boolean open() {
    return request.status().isOpen();
  }
}
