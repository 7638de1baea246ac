package org.billingcenter.support.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.billingcenter.api.Paged;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.support.CallbackService;
import org.billingcenter.support.CallbackService.Notes;
import org.billingcenter.support.CallbackStatus;
import org.billingcenter.support.QueueFilter;
import org.billingcenter.support.SupportConsole;
import org.billingcenter.support.SupportConsole.NewNote;
import org.billingcenter.support.SupportConsole.Retained;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The support engineers' callback queue across organisations: list and filter, claim or release,
 * notes, complete (with notes, or as retained), withdraw. Every step is audited under the engineer's
 * name. Assisted cancellation lives with the other cancellation endpoints, license removal in
 * {@link AssistedLicenseApi}.
 */
@RestController
@RequestMapping("/api/v1/support")
@PreAuthorize("hasRole('SUPPORT_ENGINEER')")
class SupportApi {

  private static final String REQUEST = "/tenants/{tenantId}/callback-requests/{id}";

  private final CallbackService callbacks;
  private final SupportConsole console;

  SupportApi(CallbackService callbacks, SupportConsole console) {
    this.callbacks = callbacks;
    this.console = console;
  }

  @GetMapping("/callback-requests")
  @Operation(summary = "The queue, oldest first, paged (X-Total-Count, Link): each request with its organisation, "
      + "product, plan, licenses assigned/total, what the organisation was told, waiting time and notes.")
  ResponseEntity<List<QueueItemView>> queue(
      @RequestParam(defaultValue = "NEW") @Parameter(description = "NEW (default), CLAIMED, COMPLETED or WITHDRAWN.")
          CallbackStatus status,
      @RequestParam(required = false) @Parameter(description = "Only requests asking for this language (en, fr, "
          + "da, bg, zh-CN, zh-TW).") @Nullable String language,
      @RequestParam(required = false) @Parameter(description = "Only requests waiting at least this many minutes.")
          @Nullable Integer minWaitingMinutes,
      @RequestParam(required = false) @Parameter(description = "Part of the organisation's name.") @Nullable String query,
      PageRequest page) {
    return Paged.ok(console.queue(new QueueFilter(status, language, minWaitingMinutes, query), page)
        .map(QueueItemView::of));
  }

  @GetMapping(REQUEST)
  @Operation(summary = "One request as the queue shows it, with its whole notes history.")
  QueueItemView request(@PathVariable UUID tenantId, @PathVariable UUID id) {
    return QueueItemView.of(console.item(new TenantId(tenantId), id));
  }

  @PostMapping(REQUEST + "/claim")
  @Operation(summary = "Claims a NEW request for the calling engineer; 409 CALLBACK_WRONG_STATUS otherwise.")
  CallbackView claim(@PathVariable UUID tenantId, @PathVariable UUID id, Principal me) {
    return CallbackView.of(callbacks.claim(new TenantId(tenantId), id, me.getName()));
  }

  @PostMapping(REQUEST + "/release")
  @Operation(summary = "Hands a request the calling engineer claimed back to the queue (NEW); "
      + "409 CALLBACK_CLAIMED_BY_OTHER when someone else has it.")
  CallbackView release(@PathVariable UUID tenantId, @PathVariable UUID id, Principal me) {
    return CallbackView.of(callbacks.release(new TenantId(tenantId), id, me.getName()));
  }

  @PostMapping(REQUEST + "/notes")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Adds a note to an open request (1 to 4000 characters); 409 CALLBACK_NOT_OPEN once closed.")
  QueueItemView.NoteView addNote(
      @PathVariable UUID tenantId, @PathVariable UUID id, @Valid @RequestBody NewNote body, Principal me) {
    return QueueItemView.NoteView.of(console.addNote(new TenantId(tenantId), id, me.getName(), body));
  }

  @PostMapping(REQUEST + "/complete")
  @Operation(summary = "Completes a request the calling engineer claimed, with notes.")
  CallbackView complete(
      @PathVariable UUID tenantId, @PathVariable UUID id, @Valid @RequestBody Notes body, Principal me) {
    return CallbackView.of(callbacks.complete(new TenantId(tenantId), id, me.getName(), body.notes()));
  }

  @PostMapping(REQUEST + "/retained")
  @Operation(summary = "Completes a claimed request without cancelling: the organisation stays. The reason code "
      + "and text are kept as retention data; the organisation's admins are told by e-mail.")
  CallbackView retained(
      @PathVariable UUID tenantId, @PathVariable UUID id, @Valid @RequestBody Retained body, Principal me) {
    return CallbackView.of(console.completeRetained(new TenantId(tenantId), id, me.getName(), body));
  }

  @PostMapping(REQUEST + "/withdraw")
  @Operation(summary = "Closes an open request without a call.")
  CallbackView withdraw(
      @PathVariable UUID tenantId, @PathVariable UUID id, @Valid @RequestBody(required = false) Notes body, Principal me) {
    return CallbackView.of(
        callbacks.withdraw(new TenantId(tenantId), id, me.getName(), body == null ? null : body.notes()));
  }
}
