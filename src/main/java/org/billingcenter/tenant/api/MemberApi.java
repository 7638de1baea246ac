package org.billingcenter.tenant.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.billingcenter.account.CurrentTenant;
import org.billingcenter.api.Paged;
import org.billingcenter.api.Problems;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.tenant.Member;
import org.billingcenter.tenant.MemberDetails;
import org.billingcenter.tenant.MemberImport;
import org.billingcenter.tenant.MemberService;
import org.billingcenter.tenant.TenantReason;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation's users: the people who can hold licenses. Everyone of the organisation reads
 * them; Global and User admins add, edit, remove and import them.
 */
@RestController
@RequestMapping("/api/v1/members")
class MemberApi {

  private static final String MANAGERS = "hasAnyRole('GLOBAL_ADMIN','USER_ADMIN')";
  static final String TEXT_CSV = "text/csv";

  private final TenantService tenants;
  private final MemberService members;
  private final Problems problems;

  MemberApi(TenantService tenants, MemberService members, Problems problems) {
    this.tenants = tenants;
    this.members = members;
    this.problems = problems;
  }

  record MemberView(String id, String displayName, String email) {
    static MemberView of(Member m) {
      return new MemberView(m.id().toString(), m.displayName(), m.email());
    }
  }

  record AddMembers(@NotEmpty @Size(max = 1000) List<@Valid MemberDetails> members) {}

  record Imported(@Schema(description = "How many members the file added.") int imported) {}

  @GetMapping
  @Operation(summary = "Members by name; with q, those whose name or e-mail contains it (any case).")
  ResponseEntity<List<MemberView>> list(
      @CurrentTenant TenantId tenant,
      @Parameter(description = "Text to find in names and e-mail addresses; % and _ are plain characters.")
          @RequestParam(required = false) @Size(max = MemberService.MAX_QUERY) String q,
      PageRequest page) {
    return Paged.ok(members.search(tenant, q, page).map(MemberView::of));
  }

  @GetMapping("/{memberId}")
  MemberView get(@CurrentTenant TenantId tenant, @PathVariable UUID memberId) {
    return MemberView.of(members.member(tenant, new MemberId(memberId)));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(MANAGERS)
  @Operation(summary = "Adds a member; 409 MEMBER_EMAIL_TAKEN when the address (any case) is already one.")
  MemberView add(@CurrentTenant TenantId tenant, @Valid @RequestBody MemberDetails body, Principal me) {
    return MemberView.of(members.add(tenant, body, me.getName()));
  }

  @PutMapping("/{memberId}")
  @PreAuthorize(MANAGERS)
  @Operation(summary = "Changes a member's name and e-mail address.")
  MemberView edit(
      @CurrentTenant TenantId tenant, @PathVariable UUID memberId, @Valid @RequestBody MemberDetails body, Principal me) {
    return MemberView.of(members.edit(tenant, new MemberId(memberId), body, me.getName()));
  }

  @DeleteMapping("/{memberId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize(MANAGERS)
  @Operation(summary = "Removes a member; the licenses he holds are released (audited per subscription).")
  void remove(@CurrentTenant TenantId tenant, @PathVariable UUID memberId, Principal me) {
    members.remove(tenant, new MemberId(memberId), me.getName());
  }

  @PostMapping("/bulk")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(MANAGERS)
  List<MemberView> addAll(
      @CurrentTenant TenantId tenant, @Valid @RequestBody AddMembers body, Principal me) {
    List<NewMember> people = body.members().stream().map(m -> new NewMember(m.displayName(), m.email())).toList();
    return tenants.addMembers(tenant, people, me.getName()).stream().map(MemberView::of).toList();
  }

  @PostMapping(path = "/import", consumes = TEXT_CSV)
  @PreAuthorize(MANAGERS)
  @Operation(
      summary = "Imports members from a CSV file, all or none.",
      description =
          "UTF-8 (a byte order mark is fine), first line exactly displayName,email, RFC 4180 quoting,"
              + " LF or CRLF, at most 10,000 rows and 5 MB. Every line is checked before anything is"
              + " written; with any bad line nothing is imported and the 422 lists every bad line.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string", example = "displayName,email\nAda Lovelace,ada@example.com\n")))
  @ApiResponse(responseCode = "200", description = "Every row was imported.")
  @ApiResponse(
      responseCode = "422",
      description =
          "MEMBER_IMPORT_INVALID: nothing was imported; errors lists every bad line as {line, field, code,"
              + " message}: line 1 is the header; field is displayName, email, or row / header / file; code is"
              + " one of NOT_UTF8, MALFORMED_CSV, BAD_HEADER, NO_ROWS, TOO_MANY_ROWS, WRONG_COLUMNS, EMPTY,"
              + " UNSAFE_TEXT, TOO_LONG, BAD_EMAIL, DUPLICATE_IN_FILE, ALREADY_MEMBER; message is localised.",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
  ResponseEntity<?> importCsv(
      @CurrentTenant TenantId tenant, @RequestBody byte[] file, Principal me, HttpServletRequest request, Locale locale) {
    MemberImport outcome = members.importCsv(tenant, file, me.getName());
    if (outcome.accepted()) {
      return ResponseEntity.ok(new Imported(outcome.imported()));
    }
    ProblemDetail problem =
        problems.of(
            HttpStatus.UNPROCESSABLE_CONTENT,
            TenantReason.MEMBER_IMPORT_INVALID.code(),
            List.of(outcome.problems().size()),
            locale);
    problem.setInstance(URI.create(request.getRequestURI()));
    problem.setProperty(
        "errors",
        outcome.problems().stream()
            .map(p -> new ImportError(p.line(), p.field(), p.issue().name(), problems.text(p.message(), locale)))
            .toList());
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** One bad line of an import as the API reports it (an entry of the problem's errors). */
  record ImportError(int line, String field, String code, String message) {}
}
