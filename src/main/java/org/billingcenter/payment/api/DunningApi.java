package org.billingcenter.payment.api;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.time.LocalDate;
import org.billingcenter.payment.DunningRun;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The operator runs a day's dunning by hand (the daily job runs it at 13:00 UTC). */
@RestController
@PreAuthorize("hasRole('OPERATOR')")
class DunningApi {

  private final DunningRun dunning;

  DunningApi(DunningRun dunning) {
    this.dunning = dunning;
  }

  record DunningRequest(@NotNull LocalDate date) {}

  @PostMapping("/api/v1/operator/dunning-runs")
  @Operation(summary = "Retry every declined invoice whose retry day has come on that date (each organisation "
      + "on its own calendar), give up on those out of retries; the same date window as a billing run by hand")
  DunningRun.Result run(@Valid @RequestBody DunningRequest body, Principal me) {
    return dunning.runByHand(body.date(), me.getName());
  }
}
