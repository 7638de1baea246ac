package org.billingcenter.session.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.UUID;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.api.Paged;
import org.billingcenter.session.SessionOwner;
import org.billingcenter.session.SessionService;
import org.billingcenter.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser sessions of the caller's organisation (a Global admin) or of the operator side (the
 * operator): list them, end one. The signed-in account decides whose, never the request.
 */
@RestController
@RequestMapping("/api/v1/sessions")
@PreAuthorize("hasAnyRole('GLOBAL_ADMIN','OPERATOR')")
class SessionApi {

  private final SessionService sessions;

  SessionApi(SessionService sessions) {
    this.sessions = sessions;
  }

  @GetMapping
  @Operation(summary = "The organisation's active browser sessions (the operator: those of operator-side "
      + "accounts), newest first (paged), optionally of one username.")
  ResponseEntity<List<SessionView>> list(
      @RequestParam(required = false) @Parameter(description = "Only this username's sessions.") @Nullable String username,
      PageRequest page, @AuthenticationPrincipal SignedInAccount me) {
    return Paged.ok(sessions.active(SessionOwner.of(me), username, page).map(SessionView::of));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Ends a session: its next request goes to the sign-in page, on every node within "
      + "seconds. Audited as SESSION_ENDED. 404 SESSION_NOT_FOUND when it is not an active session of the organisation.")
  void end(@PathVariable UUID id, @AuthenticationPrincipal SignedInAccount me) {
    sessions.endAsAdmin(SessionOwner.of(me), me.getUsername(), id);
  }
}
